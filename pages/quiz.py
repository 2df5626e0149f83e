from datetime import datetime

import streamlit as st

from winback import content, quiz, ui
from winback.store import StorageError
from winback.words import moment_words

SHOWN = "quiz_shown_attempt"

store = ui.store()
the_quiz = content.quiz()
attempts = store.read("quiz_attempts").frame
answers = store.read("quiz_answers").frame
shown = st.session_state.get(SHOWN)
shown_row = attempts[attempts["attempt_id"] == shown] if shown else attempts.iloc[0:0]

if not shown_row.empty:
    result = quiz.score(the_quiz, quiz.answers_of(answers, str(shown)))
    if st.session_state.pop("quiz_just_submitted", False):
        ui.scroll_to_top(str(shown))
    if result.shows_resources:
        ui.resources_panel(heading="Help is here, whenever you want it")
    st.title("Readiness quiz")
    ui.quiz_result(result, the_quiz)
    if st.button("Take the quiz again", key="quiz_again"):
        del st.session_state[SHOWN]
        st.rerun()
else:
    st.title("Readiness quiz")
    ui.data_notices(store, ("quiz_attempts", "quiz_answers"))
    st.markdown(
        "Two honest questions before anything else: **is this relationship worth fixing?** and **is it toxic?** "
        "Answer for how things really were, not how you wish they had been. Only you see your answers."
    )
    given = {q.id: st.session_state.get(f"q_{q.id}") for q in the_quiz.questions}
    done = sum(1 for v in given.values() if v)
    st.progress(done / len(the_quiz.questions), text=f"{done} of {len(the_quiz.questions)} answered")
    for section, heading, intro in (
        ("worth", "Is it worth fixing?", "About the relationship, and about you."),
        ("toxic", "Is it toxic?", "About how your ex treated you. Take your time; there are no wrong answers."),
    ):
        st.subheader(heading)
        st.caption(intro)
        for number, question in enumerate(the_quiz.questions, start=1):
            if question.section != section:
                continue
            st.radio(
                f"{number}. {question.text}",
                [o.id for o in question.options],
                index=None,
                format_func=lambda option_id, q=question: q.option(option_id).label,
                horizontal=section == "toxic",
                key=f"q_{question.id}",
            )
    if st.button("See my result", type="primary", key="quiz_submit"):
        missing = quiz.missing_answers(the_quiz, given)
        if missing:
            numbers = ", ".join(str(the_quiz.questions.index(q) + 1) for q in missing)
            st.error(
                f"Please answer {len(missing)} more question{'s' if len(missing) > 1 else ''} ({numbers}). "
                "Nothing was saved yet, and your other answers are kept.",
                icon=":material/error:",
            )
            st.text("\n".join(f"{the_quiz.questions.index(q) + 1}. {q.text}" for q in missing))
        else:
            chosen = {k: str(v) for k, v in given.items()}
            try:
                attempt_id = quiz.save_attempt(store, the_quiz, chosen, quiz.score(the_quiz, chosen), datetime.now())
            except StorageError as error:
                ui.save_error(error)
            else:
                st.session_state[SHOWN] = attempt_id
                st.session_state["quiz_just_submitted"] = True
                for question in the_quiz.questions:
                    st.session_state.pop(f"q_{question.id}", None)
                st.rerun()

st.subheader("Past attempts")
past = quiz.history(the_quiz, attempts, answers)
if not past:
    st.caption("Each time you take the quiz it is saved here, with what changed since the time before.")
for attempt in past:
    with st.expander(f"{moment_words(attempt.taken)} · {quiz.headline_for(attempt.verdict, attempt.tier)}"):
        ui.attempt_summary(attempt)
        if st.button("Delete this attempt", key=f"delete_{attempt.attempt_id}"):
            st.session_state["quiz_confirm_delete"] = attempt.attempt_id
        if st.session_state.get("quiz_confirm_delete") == attempt.attempt_id:
            st.warning("Delete this attempt for good? It cannot be undone.", icon=":material/warning:")
            yes, no = st.columns(2)
            if yes.button("Yes, delete it", key=f"confirm_delete_{attempt.attempt_id}", type="primary"):
                try:
                    quiz.delete_attempt(store, attempt.attempt_id)
                except StorageError as error:
                    ui.save_error(error)
                else:
                    st.session_state.pop("quiz_confirm_delete", None)
                    if st.session_state.get(SHOWN) == attempt.attempt_id:
                        st.session_state.pop(SHOWN, None)
                    st.rerun()
            if no.button("Keep it", key=f"cancel_delete_{attempt.attempt_id}"):
                st.session_state.pop("quiz_confirm_delete", None)
                st.rerun()
