from datetime import date, datetime

import streamlit as st

from winback import progress, quiz
from winback.content.quiz import load_quiz
from winback.ui import quiz_form, session, state, widgets

store = session.store()
the_quiz = load_quiz()
attempts = store.read("quiz_attempts").frame
answers = store.read("quiz_answers").frame
shown = st.session_state.get(state.QUIZ_SHOWN)
shown_row = attempts[attempts["attempt_id"] == shown] if shown else attempts.iloc[0:0]

if not shown_row.empty:
    result = quiz.score(the_quiz, quiz.answers_of(answers, str(shown)))
    if st.session_state.pop(state.QUIZ_JUST_SUBMITTED, False):
        # The top in view (a danger result's help lines come first), and focus on the verdict.
        widgets.move_focus(state.QUIZ_RESULT, str(shown), top=True)
    if result.shows_resources:
        widgets.resources_panel(state.QUIZ_HELP_COUNTRY, heading="Help is here, whenever you want it")
    st.title("Readiness quiz", anchor=False)
    quiz_form.result(result, the_quiz)
    if st.button("Take the quiz again", key=state.QUIZ_AGAIN):
        del st.session_state[state.QUIZ_SHOWN]
        st.rerun()
else:
    if progress.from_store(store, date.today()).quiz_locks_for_safety:
        # Coming back after a danger or toxic result: the help is here before a new attempt, not only in the list.
        widgets.resources_panel(state.QUIZ_HELP_COUNTRY, heading="Your latest result put your safety first")
    st.title("Readiness quiz", anchor=False)
    widgets.data_notices(store, ("quiz_attempts", "quiz_answers"))
    st.markdown(
        "Two honest questions before anything else: **is this relationship worth fixing?** and **is it toxic?** "
        "Answer for how things really were, not how you wish they had been. Only you see your answers."
    )
    given = quiz_form.questions(the_quiz)
    if st.button("See my result", type="primary", key=state.QUIZ_SUBMIT):
        quiz_form.submit(store, the_quiz, given, datetime.now())

st.header("Past attempts", anchor=False)
quiz_form.past_attempts(store, the_quiz, attempts, answers)
