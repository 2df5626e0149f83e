"""The readiness quiz on screen: the questions, the result with its reasons, and past attempts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pandas as pd
import streamlit as st

from winback import quiz
from winback.charts.quiz import worth_gauge
from winback.content.quiz import Question, Quiz
from winback.plain import plain
from winback.store import StorageError, Store
from winback.ui import safety_plan_form, state
from winback.ui.widgets import confirmed_delete, save_error, show_chart
from winback.vocab import FLAGGED_TIERS
from winback.words import count_phrase, moment_words


def _labels(question: Question) -> Callable[[str], str]:
    return lambda option_id: question.option(option_id).label


def questions(the_quiz: Quiz) -> dict[str, str | None]:
    """Every question, numbered across the sections; returns the answers given so far, which stay given when
    the person looks at another page and comes back."""
    kept: dict[str, str] = st.session_state.setdefault(state.QUIZ_ANSWERS, {})
    for question in the_quiz.questions:
        key = state.question(question.id)
        if key not in st.session_state and question.id in kept:
            st.session_state[key] = kept[question.id]
    given = {q.id: st.session_state.get(state.question(q.id)) for q in the_quiz.questions}
    kept.clear()
    kept.update({question_id: str(answer) for question_id, answer in given.items() if answer})
    done = sum(1 for v in given.values() if v)
    st.progress(done / len(the_quiz.questions), text=f"{done} of {len(the_quiz.questions)} answered")
    for section in the_quiz.sections:
        st.header(section.heading, anchor=False)
        st.caption(section.intro)
        for number, question in enumerate(the_quiz.questions, start=1):
            if question.section != section.id:
                continue
            st.radio(
                f"{number}. {question.text}",
                [o.id for o in question.options],
                index=None,
                format_func=_labels(question),
                horizontal=section.kind == "toxic",
                key=state.question(question.id),
            )
    return given


def submit(s: Store, the_quiz: Quiz, given: dict[str, str | None], now: datetime) -> None:
    """Save a complete attempt and show its result; list what is missing otherwise (and keep the answers)."""
    missing = quiz.missing_answers(the_quiz, given)
    if missing:
        numbers = ", ".join(str(the_quiz.questions.index(q) + 1) for q in missing)
        st.error(
            f"Please answer {count_phrase(len(missing), 'more question')} ({numbers}). "
            "Nothing was saved yet, and your other answers are kept.",
            icon=":material/error:",
        )
        st.text("\n".join(f"{the_quiz.questions.index(q) + 1}. {q.text}" for q in missing))
        return
    chosen = {k: str(v) for k, v in given.items()}
    try:
        attempt_id = quiz.save_attempt(s, the_quiz, chosen, quiz.score(the_quiz, chosen), now)
    except StorageError as error:
        save_error(error)
        return
    st.session_state[state.QUIZ_SHOWN] = attempt_id
    st.session_state[state.QUIZ_JUST_SUBMITTED] = True
    for question in the_quiz.questions:
        st.session_state.pop(state.question(question.id), None)
    st.session_state.pop(state.QUIZ_ANSWERS, None)
    st.rerun()


def result(outcome: quiz.QuizResult, the_quiz: Quiz) -> None:
    """The verdict as a headline, the worth dial, the reasons and the next step."""
    box = {"go": st.success, "wait": st.info, "dont": st.warning, "danger": st.error}[outcome.verdict]
    with st.container(key=state.QUIZ_RESULT):
        box(f"**{outcome.headline}**", icon=":material/flag:")
    if outcome.shows_resources:
        st.markdown(
            "What you described is not your fault, and it is not something you can fix by trying harder. "
            "Because of these answers, winback keeps steps 4–5 (reconnecting) closed for as long as this is your "
            "latest result. Steps 1–3 — no contact, staying positive, building your own life — are still here "
            "for you, and the lines above can help you stay safe."
        )
    else:
        show_chart(worth_gauge(outcome.worth, the_quiz.policy.go_min, the_quiz.policy.wait_min), "worth_gauge")
    if outcome.reasons:
        st.markdown("**Why**")
        st.markdown("\n".join(f"- {reason}" for reason in outcome.reasons))
    st.markdown(f"**Next step:** {outcome.next_step}")
    if outcome.shows_resources:
        safety_plan_form.safety_plan_box()


def attempt_summary(attempt: quiz.AttemptChange) -> None:
    if attempt.tier in FLAGGED_TIERS:
        st.markdown("Signs of abuse or danger were flagged in this attempt.")
    else:
        st.markdown(f"Worth score: **{attempt.worth}** of 100")
    if attempt.worth_change is None:
        st.caption("Your first attempt.")
        return
    moved = f"{attempt.worth_change:+d} points" if attempt.worth_change else "no change in worth"
    verdict = "; the verdict changed" if attempt.verdict_changed else ""
    st.caption(f"Since the attempt before: {moved}{verdict}; {len(attempt.changed_answers)} answers changed.")
    if attempt.changed_answers:
        # A question no longer in the quiz is named by the id in quiz_answers.csv, which anyone can edit.
        st.markdown("\n".join(f"- {plain(text)}" for text in attempt.changed_answers))


def past_attempts(s: Store, the_quiz: Quiz, attempts: pd.DataFrame, answers: pd.DataFrame) -> None:
    past = quiz.history(the_quiz, attempts, answers)
    if not past:
        st.caption("Each time you take the quiz it is saved here, with what changed since the time before.")
    for attempt in past:
        with st.expander(f"{moment_words(attempt.taken)} · {quiz.headline_for(attempt.verdict, attempt.tier)}"):
            attempt_summary(attempt)
            asked = confirmed_delete(
                "Delete this attempt",
                key=state.delete_attempt(attempt.attempt_id),
                question="Delete this attempt for good? It cannot be undone.",
                yes="Yes, delete it",
            )
            if not asked:
                continue
            try:
                quiz.delete_attempt(s, attempt.attempt_id)
            except StorageError as error:
                save_error(error)
            else:
                if st.session_state.get(state.QUIZ_SHOWN) == attempt.attempt_id:
                    st.session_state.pop(state.QUIZ_SHOWN, None)
                st.rerun()
