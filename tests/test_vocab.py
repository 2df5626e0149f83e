"""The product's words (winback.vocab): every code has its label, and the subsets are subsets."""

from __future__ import annotations

from typing import get_args

from winback import vocab


def test_every_mood_has_its_word_face_and_label() -> None:
    assert vocab.MOODS == (1, 2, 3, 4, 5)
    for table in (vocab.MOOD_WORDS, vocab.MOOD_FACES, vocab.MOOD_LABELS):
        assert tuple(table) == vocab.MOODS
    assert all(vocab.MOOD_LABELS[m].endswith(vocab.MOOD_WORDS[m]) for m in vocab.MOODS)
    assert vocab.NEUTRAL_MOOD in vocab.MOODS
    assert 0 <= vocab.NEUTRAL_MISSING_EX <= vocab.MISSING_EX_MAX


def test_every_contact_has_a_label_and_the_slips_are_contacts() -> None:
    assert tuple(vocab.CONTACT_LABELS) == vocab.CONTACTS
    assert set(vocab.CONTACT_SLIPS) < set(vocab.CONTACTS)
    assert "they_reached_out_no_reply" not in vocab.CONTACT_SLIPS


def test_flagged_and_item_tiers_are_tiers() -> None:
    assert set(vocab.FLAGGED_TIERS) < set(vocab.TIERS)
    assert set(vocab.ITEM_TIERS) < set(vocab.TIERS)
    assert "none" not in vocab.ITEM_TIERS


def test_every_journal_choice_has_a_label() -> None:
    assert tuple(vocab.WHO) == get_args(vocab.Who)
    assert tuple(vocab.CHANNELS) == get_args(vocab.Channel)
    assert tuple(vocab.TONES) == get_args(vocab.Tone)


def test_every_period_but_all_has_a_length() -> None:
    assert tuple(vocab.PERIOD_DAYS) == tuple(p for p in vocab.PERIODS if p != "All")
    assert vocab.DEFAULT_PERIOD in vocab.PERIODS


def test_the_five_steps_are_named() -> None:
    assert tuple(vocab.STEP_NAMES) == (1, 2, 3, 4, 5)
    assert vocab.STEP_STATES == ("locked", "active", "done")


def test_labels_are_distinct_within_each_table() -> None:
    for table in (vocab.MOOD_WORDS, vocab.CONTACT_LABELS, vocab.WHO, vocab.CHANNELS, vocab.TONES, vocab.STEP_NAMES):
        assert len(set(table.values())) == len(table), table
