"""Merging Daylio into the daily log (SPEC §9): the preview of what changes, the merge rule, new activities,
and a plan that cannot be applied while it has problems."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.imports.helpers import (
    DAYLIO_HEADER,
    MAPPED,
    TODAY,
    backups,
    by_day,
    fixture,
    messages,
    parse,
    seed_store,
)
from winback.imports.daylio_plan import MERGE_RULE, daylio_plan, read_upload, unknown_moods, upload_plan
from winback.imports.plan import apply_plan
from winback.schema import CUSTOM_ACTIVITIES, DAILY_LOG
from winback.store import Store


def test_a_bad_date_blocks_the_whole_import(tmp_path: Path) -> None:
    text = fixture("daylio_new.csv").decode() + "31/12/2025,,,10:00,good,,,\n"
    store = Store(tmp_path)
    plan = daylio_plan(store, parse(text.encode(), MAPPED))
    assert messages(plan.problems) == [(13, "full_date '31/12/2025' is not a date like 2026-01-31")]
    assert not plan.can_apply
    assert plan.frames == {}
    with pytest.raises(ValueError, match="problems"):
        apply_plan(store, plan)
    assert list(tmp_path.iterdir()) == []


def test_unmapped_moods_keep_the_plan_closed_and_say_which(tmp_path: Path) -> None:
    plan = daylio_plan(Store(tmp_path), parse(fixture("daylio_new.csv")))
    assert not plan.can_apply
    assert [(p.line, p.message.split(" is ")[0]) for p in plan.problems] == [
        (8, "the mood 'okay-ish' (1 entry)"),
        (2, "the mood 'Super' (1 entry)"),
    ]


def test_preview_counts_new_changed_and_unchanged_days_and_applying_merges(tmp_path: Path) -> None:
    store = seed_store(tmp_path)
    plan = daylio_plan(store, parse(fixture("daylio_new.csv"), MAPPED))
    assert plan.can_apply, plan.problems
    assert plan.summary == "3 new days, 1 day changed, 1 unchanged"
    assert plan.counts == {"new_days": 3, "changed_days": 1, "unchanged_days": 1, "new_activities": 2}
    assert plan.preview[0] == "Adds 2 activities of your own: reading, friends (life area Joy; you can change it later)"
    assert "2026-03-02 · changes: mood awful → meh; adds friends, cooking; adds Daylio's note" in plan.preview
    assert "2026-03-01 · new: mood meh; Read, Meditation" in plan.preview
    assert MERGE_RULE in plan.notes
    assert any("'missing my ex' 5 of 10" in note for note in plan.notes)

    apply_plan(store, plan)
    log = store.read(DAILY_LOG).frame
    rows = {d.date().isoformat(): r for d, r in zip(log["date"], log.to_dict("records"), strict=True)}
    assert sorted(rows) == ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02", "2026-03-03"]
    monday = rows["2026-03-02"]
    assert (monday["mood"], monday["missing_ex"], monday["contact"]) == (3, 8, "we_talked")
    assert monday["activities"] == ("walk_outside", "read", "custom_friends_2", "custom_kitchen")
    assert monday["note"] == 'My own note\n\nRough morning, "again"\n\nDinner'
    assert rows["2026-02-27"]["note"] == "Good day. =1+1 is just a note"
    assert (rows["2026-03-03"]["missing_ex"], rows["2026-03-03"]["contact"]) == (5, "none")
    custom = store.read(CUSTOM_ACTIVITIES).frame
    assert list(zip(custom["activity_id"], custom["name"], custom["area"], strict=True)) == [
        ("custom_friends", "Friends from work", "Social"),
        ("custom_friends_2", "friends", "Joy"),
        ("custom_kitchen", "cooking", "Body"),
        ("custom_reading", "reading", "Joy"),
    ]
    assert backups(tmp_path) == []

    again = daylio_plan(store, parse(fixture("daylio_new.csv"), MAPPED))
    assert again.summary == "0 new days, 0 days changed, 5 unchanged"
    assert not again.can_apply and again.problems == ()
    assert any("Nothing to import" in note for note in again.notes)


def test_a_day_whose_merged_note_is_too_long_is_a_problem(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.upsert(
        DAILY_LOG,
        [
            {
                "date": date(2026, 1, 5),
                "mood": 3,
                "missing_ex": 4,
                "contact": "none",
                "activities": (),
                "note": "m" * 1500,
            }
        ],
    )
    plan = daylio_plan(store, parse((DAYLIO_HEADER + f"2026-01-05,,,10:00,good,,,{'d' * 600}\n").encode()))
    assert not plan.can_apply
    assert plan.problems[0].line == 2
    assert "2026-01-05 cannot be saved: note is 2,102 characters" in plan.problems[0].message


def test_an_upload_is_read_once_per_person_answers_and_activities(tmp_path: Path) -> None:
    data = fixture("daylio_new.csv")
    mine, theirs = Store(tmp_path / "mine"), Store(tmp_path / "theirs")
    first = read_upload(data, mine, TODAY, {})
    assert read_upload(data, mine, TODAY, {}) is first
    assert unknown_moods(data, mine, TODAY) == first.unknown_moods
    assert read_upload(data, theirs, TODAY, {}) is not first  # no parse is shared between people
    assert read_upload(data, mine, TODAY, MAPPED) is not first
    mine.upsert(
        CUSTOM_ACTIVITIES,
        [{"activity_id": "custom_books", "name": "reading", "area": "Mind", "retired": False}],
    )
    again = read_upload(data, mine, TODAY, MAPPED)
    assert "custom_books" in by_day(again)["2026-03-03"].activities


def test_an_upload_plan_is_the_plan_of_its_parse(tmp_path: Path) -> None:
    store = seed_store(tmp_path)
    data = fixture("daylio_new.csv")
    plan = upload_plan(data, store, TODAY, MAPPED)
    expected = daylio_plan(store, parse(data, MAPPED))
    assert (plan.summary, plan.preview, plan.counts, plan.notes) == (
        expected.summary,
        expected.preview,
        expected.counts,
        expected.notes,
    )


def test_a_file_of_bad_rows_shows_the_first_fifty_problems_and_says_there_are_more(tmp_path: Path) -> None:
    text = DAYLIO_HEADER + "2026-01-05,,,25:00,good,,,\n" * 10_000
    plan = upload_plan(text.encode(), Store(tmp_path), TODAY, {})
    assert len(plan.problems) == 51
    assert [p.line for p in plan.problems[:50]] == list(range(2, 52))
    assert plan.problems[-1].describe() == (
        "…and more: winback stopped checking after 50 problems, so lines 52 to 10,001 were not checked"
    )
    assert not plan.can_apply


def test_a_preview_line_names_at_most_twenty_activities(tmp_path: Path) -> None:
    activities = " | ".join(f"hobby {n}" for n in range(30))
    plan = upload_plan(
        (DAYLIO_HEADER + f"2026-01-05,,,10:00,good,{activities},,\n").encode(), Store(tmp_path), TODAY, {}
    )
    assert plan.preview[0].startswith("Adds 30 activities of your own: hobby 0, hobby 1, ")
    assert "hobby 19 and 10 more (life area Joy" in plan.preview[0]
    assert plan.preview[1].startswith("2026-01-05 · new: mood ") and plan.preview[1].endswith("hobby 19 and 10 more")


def test_a_file_that_adds_200_000_activities_is_refused_with_one_problem(tmp_path: Path) -> None:
    activities = " | ".join(f"a{n}" for n in range(200_000))
    text = DAYLIO_HEADER + f"2026-01-05,,,10:00,good,{activities},,\n2026-01-06,,,10:00,good,a7 | a300000,,\n"
    plan = upload_plan(text.encode(), Store(tmp_path), TODAY, {})
    assert [p.describe() for p in plan.problems] == [
        "The file adds more than 10,200 activities winback does not know; at most 200 can be added in one import"
    ]
    assert not plan.can_apply and plan.frames == {}
    assert len(read_upload(text.encode(), Store(tmp_path), TODAY, {}).new_activities) == 200
