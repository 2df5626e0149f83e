"""The quiz's content (winback.content.quiz): parse_quiz checks every item and names the one that is wrong;
check_coverage holds the shipped quiz to SPEC §3."""

from __future__ import annotations

import pytest

from tests.support.quiz_text import HEADER, toxic_item, worth_item
from winback.content import ContentError, read
from winback.content.quiz import WORTH_CATEGORIES, check_coverage, load_quiz, parse_quiz
from winback.vocab import ITEM_TIERS


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (HEADER + toxic_item("hit", "danger").replace('tier = "danger"\n', ""), "question 'hit' has no tier"),
        (HEADER + toxic_item("hit", "deadly"), "question 'hit' has tier 'deadly'"),
        (HEADER + worth_item(1) + worth_item(1), "question id 'w1' appears twice"),
        (HEADER + worth_item(3).replace("points = 2\n", "", 1), "option 'p2' of question 'w3' has no points"),
        (
            HEADER + worth_item(3).replace("points = 2\n", "points = 7\n", 1),
            "option 'p2' of question 'w3' has points 7;",
        ),
        (HEADER + worth_item(4).replace('low = "Low 4."\n', ""), "question 'w4' has no low"),
        (HEADER + worth_item(5).replace('section = "worth"', 'section = "other"'), "question 'w5' has section 'other'"),
        (HEADER.replace("go_min = 70", "go_min = 40"), "0 < wait_min < go_min"),
        (
            HEADER + toxic_item("hit", "danger").replace('reason = "They did hit."\n', ""),
            "question 'hit' has no reason",
        ),
    ],
)
def test_content_errors_name_the_item(content: str, message: str) -> None:
    with pytest.raises(ContentError, match=message.replace("(", r"\(")):
        parse_quiz(content)


def test_shipped_quiz_covers_the_spec() -> None:
    shipped = load_quiz()
    assert len(shipped.worth_questions) >= 12
    assert len(shipped.toxic_questions) >= 14
    categories = {q.category for q in shipped.toxic_questions}
    for behaviour in (
        "physical_violence",
        "strangulation",
        "threats_to_kill",
        "weapon",
        "sexual_coercion",
        "stalking",
        "fear",
        "isolation",
        "monitoring",
        "financial_control",
        "humiliation",
        "intimidation",
        "gaslighting",
        "coercive_threats",
        "blame",
        "jealousy",
        "unresolved_fights",
        "cheating",
        "contempt",
    ):
        assert behaviour in categories, behaviour
    assert {q.tier for q in shipped.toxic_questions if q.category in ("strangulation", "stalking", "fear")} == {
        "danger"
    }
    assert all(q.weight < 1 for q in shipped.worth_questions if q.category == "ex_signals")


NO_SECTIONS = HEADER[: HEADER.index("[[section]]")]
ONE_OPTION = worth_item(8)[: worth_item(8).index('[[question.option]]\nid = "p1"')]
EXTRA_SECTION = '[[section]]\nid = "extra"\nkind = "worth"\nheading = "More?"\nintro = "More."\n'


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("version = ", "quiz.toml is not valid TOML"),
        (HEADER.replace('version = "test"', 'version = ""'), "quiz.toml has no version"),
        (HEADER.replace("caution_penalty = 8", 'caution_penalty = "eight"'), r"\[policy\] needs whole numbers"),
        (HEADER.replace('label = "Often"', 'label = ""'), "needs toxic_option entries never, once"),
        (NO_SECTIONS, r"quiz.toml has no \[\[section\]\]"),
        (HEADER + EXTRA_SECTION.replace("extra", "worth"), "section id 'worth' appears twice"),
        (HEADER.replace('kind = "toxic"', 'kind = "scary"'), "section 'toxic' has kind 'scary'"),
        (HEADER.replace('heading = "Toxic?"\n', ""), "section 'toxic' has no heading"),
        (HEADER + worth_item(0).replace('id = "w0"', 'id = ""'), "question #1 has no id"),
        (HEADER + worth_item(6).replace('text = "Worth item 6?"\n', ""), "question 'w6' has no text"),
        (HEADER + worth_item(7).replace('category = "c7"\n', ""), "question 'w7' has no category"),
        (HEADER + worth_item(4).replace('high = "High 4."\n', ""), "question 'w4' has no high"),
        (HEADER + worth_item(1, weight=1.5), "question 'w1' has weight 1.5"),
        (HEADER + worth_item(1, weight=0), "question 'w1' has weight 0"),
        (HEADER + ONE_OPTION, "question 'w8' needs at least two options"),
        (HEADER + worth_item(2).replace("points = 4", "points = 3"), "question 'w2' has no option worth 4 points"),
        (HEADER + worth_item(3).replace("points = 2\n", "points = true\n"), "option 'p2' of question 'w3' has points"),
        (HEADER + worth_item(3).replace('label = "2 points"\n', ""), "option 'p2' of question 'w3' has no label"),
        (HEADER + worth_item(3).replace('id = "p1"', 'id = "p0"'), "option id 'p0' appears twice in question 'w3'"),
        (
            HEADER + toxic_item("hit", "danger") + '[[question.option]]\nid = "x"\nlabel = "X"\n',
            "question 'hit' is in the toxic section",
        ),
        (HEADER + toxic_item("mock", "caution", penalty=-1), "question 'mock' has penalty -1"),
    ],
)
def test_every_rule_of_the_quiz_file_names_what_is_wrong(content: str, message: str) -> None:
    with pytest.raises(ContentError, match=message):
        parse_quiz(content)


def covering_quiz(*, drop_category: str = "", toxic_items: int = 14, tiers: tuple[str, ...] = ITEM_TIERS) -> str:
    """Quiz text with a worth item for every construct and ``toxic_items`` toxic items of the given tiers."""
    worth = "".join(
        worth_item(n).replace(f'category = "c{n}"', f'category = "{category}"')
        for n, category in enumerate(WORTH_CATEGORIES)
        if category != drop_category
    )
    toxic = "".join(toxic_item(f"t{n}", tiers[n % len(tiers)]) for n in range(toxic_items))
    return HEADER + worth + toxic


def test_check_coverage_accepts_a_quiz_that_covers_the_spec() -> None:
    check_coverage(parse_quiz(covering_quiz()))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (HEADER + worth_item(0) + toxic_item("hit", "danger"), "the worth section has 1 items; it needs 12"),
        (covering_quiz(toxic_items=13), "the toxic section has 13 items; it needs 14"),
        (covering_quiz(drop_category="ex_signals"), "the worth section lacks ex_signals"),
        (covering_quiz(tiers=("danger", "toxic")), "the toxic section needs danger, toxic and caution items"),
        (covering_quiz() + EXTRA_SECTION, "the sections extra have no questions"),
    ],
)
def test_check_coverage_says_what_the_quiz_lacks(content: str, message: str) -> None:
    quiz = parse_quiz(content)
    with pytest.raises(ContentError, match=message):
        check_coverage(quiz)


def test_the_shipped_quiz_file_loads_and_passes_its_checks() -> None:
    shipped = parse_quiz(read("quiz.toml"))
    check_coverage(shipped)
    assert shipped == load_quiz()
    assert {s.kind for s in shipped.sections} == {"worth", "toxic"}


def test_quiz_content_is_loaded_once() -> None:
    assert load_quiz() is load_quiz()
