from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest

from tests.builders import SAMPLE_END
from tests.support.clock import Clock
from winback import sample
from winback.activities import catalogue
from winback.content.quiz import load_quiz
from winback.csvcodec import parse_table
from winback.quiz import answers_of, score
from winback.schema import TABLES, empty_frame
from winback.store import StorageError, Store

TODAY = SAMPLE_END
SLIPS = ("i_reached_out", "we_talked")


@pytest.fixture(scope="module")
def century() -> dict[str, pd.DataFrame]:
    return sample.generate(36500, seed=7, today=TODAY)


def _sorted(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(list(TABLES[name].key), kind="stable").reset_index(drop=True)


def _assert_same(left: dict[str, pd.DataFrame], right: dict[str, pd.DataFrame]) -> None:
    assert left.keys() == right.keys()
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name])


def test_same_seed_gives_equal_frames(year: dict[str, pd.DataFrame]) -> None:
    _assert_same(year, sample.generate(365, seed=7, today=TODAY))


def test_different_seed_gives_different_history(year: dict[str, pd.DataFrame]) -> None:
    other = sample.generate(365, seed=8, today=TODAY)
    assert not year["daily_log"].equals(other["daily_log"])
    assert not year["checkins"].equals(other["checkins"])
    assert set(year["quiz_attempts"]["attempt_id"]).isdisjoint(other["quiz_attempts"]["attempt_id"])


@pytest.mark.parametrize("days", [0, 1, 90, 365])
def test_frames_have_the_tables_columns_and_dtypes(days: int) -> None:
    frames = sample.generate(days, today=TODAY)
    assert list(frames) == list(TABLES)
    for name, frame in frames.items():
        assert list(frame.columns) == TABLES[name].header
        pd.testing.assert_series_equal(frame.dtypes, empty_frame(TABLES[name]).dtypes, check_names=False)


def test_zero_days_gives_empty_frames() -> None:
    frames = sample.generate(0, today=TODAY)
    assert all(frame.empty for frame in frames.values())
    assert sample.sample_settings(0, TODAY)["no_contact_start"] == TODAY.isoformat()


@pytest.mark.parametrize("days", [0, 1, 90, 365])
def test_round_trip_through_store(tmp_path: Path, days: int) -> None:
    store = Store(tmp_path / "sample")
    sample.write_sample(store, days=days, seed=3, today=TODAY)
    frames = sample.generate(days, seed=3, today=TODAY)
    for name, frame in frames.items():
        stored = store.read(name)
        assert stored.problems == ()
        assert len(stored.frame) == len(frame)
        # store.read may answer from the cache of what was just written; parse the file itself too.
        parsed = parse_table(TABLES[name], store.path(name).read_bytes())
        assert parsed.problems == ()
        pd.testing.assert_frame_equal(_sorted(name, parsed.frame), _sorted(name, frame))
    settings, problems = store.read_settings()
    assert problems == []
    assert settings == sample.sample_settings(days, TODAY)


def test_settings_start_no_contact_on_the_breakup_day(year: dict[str, pd.DataFrame]) -> None:
    settings = sample.sample_settings(365, TODAY)
    assert settings["no_contact_start"] == (TODAY - timedelta(days=364)).isoformat()
    assert settings["no_contact_target_days"] == 30
    assert year["daily_log"]["date"].min() == pd.Timestamp(str(settings["no_contact_start"]))


def test_history_ends_today_by_default(clock: Clock) -> None:
    log = sample.generate(10)["daily_log"]
    assert log["date"].max().date() == clock.today


@pytest.mark.parametrize("frames_name", ["year", "decade", "century"])
def test_values_stay_in_schema_ranges(frames_name: str, request: pytest.FixtureRequest) -> None:
    frames: dict[str, pd.DataFrame] = request.getfixturevalue(frames_name)
    log = frames["daily_log"]
    assert log["mood"].between(1, 5).all()
    assert log["missing_ex"].between(0, 10).all()
    assert set(log["contact"]) <= set(TABLES["daily_log"].column("contact").choices)
    assert log["date"].is_unique
    assert log["date"].is_monotonic_increasing
    known = {a.id for a in catalogue()} | set(frames["custom_activities"]["activity_id"])
    used = {a for acts in log["activities"] for a in acts}
    assert used <= known
    assert all(isinstance(acts, tuple) for acts in log["activities"])
    assert log["note"].str.len().max() <= 2000

    checkins = frames["checkins"]
    assert checkins["week"].is_unique
    wellbeing_sums = checkins["wellbeing_items"].map(lambda items: sum(int(v) for v in items))
    worth_sums = checkins["self_worth_items"].map(lambda items: sum(int(v) for v in items))
    assert checkins["wellbeing_items"].map(lambda items: len(items) == 5 and all(0 <= int(v) <= 5 for v in items)).all()
    assert (
        checkins["self_worth_items"].map(lambda items: len(items) == 5 and all(0 <= int(v) <= 3 for v in items)).all()
    )
    assert (checkins["wellbeing"] == wellbeing_sums * 4).all()
    assert (checkins["self_worth"] == (worth_sums * 100 / 15).round().astype("int64")).all()
    iso = checkins["date"].dt.isocalendar()
    assert (checkins["week"] == iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)).all()

    quiz = frames["quiz_attempts"]
    assert quiz["worth"].between(0, 100).all()
    expected = quiz["worth"].map(lambda worth: "go" if worth >= 70 else "wait" if worth >= 45 else "dont")
    assert (quiz["verdict"] == expected).all()
    assert set(quiz["tier"]) <= {"none", "caution"}


@pytest.mark.parametrize("frames_name", ["year", "decade", "century"])
def test_nothing_is_in_the_future_or_before_the_breakup(frames_name: str, request: pytest.FixtureRequest) -> None:
    frames: dict[str, pd.DataFrame] = request.getfixturevalue(frames_name)
    days = {"year": 365, "decade": 3650, "century": 36500}[frames_name]
    first, last = pd.Timestamp(TODAY - timedelta(days=days - 1)), pd.Timestamp(TODAY)
    for name, column in [("daily_log", "date"), ("checkins", "date"), ("reconnect", "date")]:
        assert frames[name][column].between(first, last).all(), name
    taken = frames["quiz_attempts"]["taken_at"].dt.normalize()
    assert taken.between(first, last).all()
    assert frames["daily_log"]["date"].iloc[-1] == last


@pytest.mark.parametrize("seed", [7, 1, 2, 3])
def test_mood_dips_after_the_breakup_and_recovers(seed: int) -> None:
    log = sample.generate(365, seed=seed, today=TODAY)["daily_log"]
    cutoff = pd.Timestamp(TODAY - timedelta(days=29))
    first, last = log[log["date"] < log["date"].min() + pd.Timedelta(days=30)], log[log["date"] >= cutoff]
    assert last["mood"].mean() > first["mood"].mean() + 0.5
    assert last["missing_ex"].mean() < first["missing_ex"].mean() - 2
    assert log["mood"].corr(log["missing_ex"]) < -0.3


def test_some_days_are_not_logged(year: dict[str, pd.DataFrame]) -> None:
    assert 0.75 <= len(year["daily_log"]) / 365 <= 0.92


@pytest.mark.parametrize("seed", [7, 1, 2, 3])
def test_slips_happen_early_and_become_rare(seed: int) -> None:
    log = sample.generate(3650, seed=seed, today=TODAY)["daily_log"]
    slips = log["contact"].isin(SLIPS)
    early = log["date"] < log["date"].min() + pd.Timedelta(days=60)
    assert slips[early].sum() >= 1
    assert slips[early].mean() > 5 * slips[~early].mean()
    assert (log["contact"] == "they_reached_out_no_reply").any()
    assert (log["contact"] == "none").mean() > 0.9


def test_activities_grow_in_number_and_variety(year: dict[str, pd.DataFrame]) -> None:
    log = year["daily_log"]
    areas = {a.id: a.area for a in catalogue()} | dict(
        zip(year["custom_activities"]["activity_id"], year["custom_activities"]["area"], strict=True)
    )
    first, last = log.head(26), log.tail(26)
    distinct = [{a for acts in part["activities"] for a in acts} for part in (first, last)]
    assert len(distinct[0]) < len(distinct[1])
    assert first["activities"].map(len).mean() < last["activities"].map(len).mean()
    recent_areas = {areas[a] for acts in log.tail(60)["activities"] for a in acts}
    assert recent_areas == {"Body", "Mind", "Social", "Money", "Habits", "Joy"}
    used = {a for acts in log["activities"] for a in acts}
    assert used & set(year["custom_activities"]["activity_id"])


def test_notes_are_occasional_and_exercise_csv_quoting(year: dict[str, pd.DataFrame]) -> None:
    notes = year["daily_log"]["note"]
    written = notes[notes != ""]
    assert 0.1 < len(written) / len(notes) < 0.3
    assert written.str.contains("\n").any()
    assert written.str.contains('"').any()
    assert written.str.contains(",").any()


def test_checkins_are_weekly_not_every_week_and_rise(year: dict[str, pd.DataFrame]) -> None:
    checkins = year["checkins"]
    assert 20 <= len(checkins) < 53
    assert checkins["wellbeing"].tail(8).mean() > checkins["wellbeing"].head(8).mean() + 15
    assert checkins["self_worth"].tail(8).mean() > checkins["self_worth"].head(8).mean() + 15


def test_quiz_history_ends_with_a_recent_go(year: dict[str, pd.DataFrame]) -> None:
    quiz = year["quiz_attempts"].sort_values("taken_at")
    assert len(quiz) >= 2
    assert quiz["verdict"].iloc[0] == "wait"
    assert quiz["verdict"].iloc[-1] == "go"
    assert pd.Timestamp(TODAY) - quiz["taken_at"].iloc[-1] < pd.Timedelta(days=90)
    assert quiz["worth"].is_monotonic_increasing
    assert quiz["attempt_id"].is_unique
    content = load_quiz()
    assert (quiz["quiz_version"] == content.version).all()
    assert quiz["worth"].is_unique, "worth strictly rises"
    for attempt in quiz.itertuples(index=False):
        answers = answers_of(year["quiz_answers"], str(attempt.attempt_id))
        assert set(answers) == {q.id for q in content.questions}
        result = score(content, answers)
        assert (result.verdict, result.worth, result.tier) == (attempt.verdict, attempt.worth, attempt.tier)


@pytest.mark.parametrize("days", [1, 30, 89])
def test_short_histories_have_no_quiz_or_reconnect(days: int) -> None:
    frames = sample.generate(days, today=TODAY)
    assert frames["quiz_attempts"].empty
    assert frames["reconnect"].empty


def test_reconnect_entries_come_after_the_last_go(year: dict[str, pd.DataFrame]) -> None:
    journal = year["reconnect"]
    go = year["quiz_attempts"].query("verdict == 'go'")["taken_at"].max()
    assert 3 <= len(journal) <= 5
    assert (journal["date"] > go).all()
    assert journal["entry_id"].is_unique
    assert journal["who"].iloc[0] == "them"
    assert journal["meeting_planned"].any()
    log = year["daily_log"].set_index("date")
    assert (log.loc[journal["date"], "contact"] == "we_talked").all()
    assert sample.generate(90, today=TODAY)["reconnect"].empty


def test_century_keeps_the_pattern_going(century: dict[str, pd.DataFrame]) -> None:
    log = century["daily_log"]
    assert 0.75 * 36500 <= len(log) <= 0.92 * 36500
    by_decade = log.groupby(log["date"].dt.year // 10)["mood"].mean()
    assert by_decade.iloc[1:].between(3.3, 4.5).all()
    assert len(century["reconnect"]) >= 3


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError, match="days"):
        sample.generate(-1)


@pytest.mark.parametrize("seed", range(25))
def test_every_seed_gives_a_rising_quiz_history_ending_in_go(seed: int) -> None:
    attempts = sample.generate(365, seed=seed, today=TODAY)["quiz_attempts"].sort_values("taken_at")
    assert attempts["worth"].is_monotonic_increasing
    assert attempts["verdict"].iloc[-1] == "go"


# Sample mode's switch


def test_sample_mode_is_off_until_switched_on_and_stays_on_until_switched_off(tmp_path: Path) -> None:
    assert not sample.mode_on(tmp_path)
    sample.switch(tmp_path, True)
    assert sample.mode_on(tmp_path), "read from the folder: a reload or another tab sees it too"
    assert (tmp_path / "sample" / sample.SAMPLE_MODE_FILE).is_file()
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == [], "nothing in the person's own folder"
    sample.switch(tmp_path, True)
    assert sample.mode_on(tmp_path)
    sample.switch(tmp_path, False)
    assert not sample.mode_on(tmp_path)
    sample.switch(tmp_path, False)
    assert not sample.mode_on(tmp_path)


def test_a_switch_that_cannot_be_written_says_why_and_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "sample").write_text("a file where the sample folder should be", encoding="utf-8")
    with pytest.raises(StorageError, match="Could not turn on sample data: a file is in the way"):
        sample.switch(tmp_path, True)
    assert not sample.mode_on(tmp_path)
    assert (tmp_path / "sample").read_text(encoding="utf-8").startswith("a file")
