"""What `migran eval` counts: the figures must follow what the chat did, reply by reply."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.evaluation import Labelled, evaluate


@dataclass(frozen=True)
class Did:
    first_topic: str | None
    answered: tuple[str, ...] = ()
    """What arrives without a tap: the numbers when urgent, then the topic (`Reading`)."""
    helped_with: tuple[str, ...] = ()
    urgent: bool = False


NUMBERS_THEN_ABUSE = ("kontak-darurat", "kekerasan-majikan")


def test_emergency_reply_counts_as_the_numbers_topic_and_its_follow_up_as_well() -> None:
    rows = [
        Labelled("held", ("perdagangan-orang", "kontak-darurat"), urgent=True),
        Labelled("beaten", ("kekerasan-majikan",), urgent=True),
        Labelled("unpaid", ("gaji-tidak-dibayar", "kontak-darurat"), urgent=False),
    ]
    did = {
        "held": Did("kekerasan-majikan", NUMBERS_THEN_ABUSE, NUMBERS_THEN_ABUSE, urgent=True),
        "beaten": Did("kekerasan-majikan", NUMBERS_THEN_ABUSE, NUMBERS_THEN_ABUSE, urgent=True),
        "unpaid": Did("hak-pmi", ("hak-pmi",), ("hak-pmi", "kontak-darurat")),
    }
    report = evaluate(lambda q: did[q], rows)
    assert report.correct == 2  # the numbers, then the abuse answer; an offer is not an answer
    assert report.helpful == 3
    assert (report.urgent_given, report.false_alarms) == (2, 0)


def test_an_answer_outside_the_labels_and_an_abstention_are_misses() -> None:
    rows = [Labelled("q1", ("paspor",)), Labelled("q2", ("paspor",)), Labelled("q3", ())]
    did = {
        "q1": Did("visa-kerja", ("visa-kerja",), ("visa-kerja",)),
        "q2": Did(None),
        "q3": Did("paspor", ("paspor",), ("paspor",)),
    }
    report = evaluate(lambda q: did[q], rows)
    assert (report.correct, report.helpful, report.abstained) == (0, 0, 1)
    assert report.out_of_scope_answered == 1


def test_kappa_is_one_for_full_agreement_and_zero_for_chance() -> None:
    from knowledge.evaluation import kappa

    assert kappa([True, False, True, False], [True, False, True, False]) == 1.0
    assert abs(kappa([True, True, False, False], [True, False, True, False])) < 1e-9
    assert kappa([True, False, False, False], [False, True, False, False]) < 0


def test_only_the_danger_labels_both_labellers_give_are_counted() -> None:
    from knowledge.evaluation import agreed_on_danger

    first = [Labelled("a", ("x",), True), Labelled("b", ("x",), True), Labelled("c", (), False)]
    second = [Labelled("a", ("y",), True), Labelled("b", ("x",), False), Labelled("c", (), False)]
    numbers = ("kontak-darurat",)
    did = {
        "a": Did("x", (*numbers, "x"), urgent=True),
        "b": Did(None),
        "c": Did("kontak-darurat", numbers, urgent=True),
    }
    report = evaluate(lambda q: did[q], agreed_on_danger(first, second))
    assert (report.in_danger, report.urgent_given) == (1, 1)  # "b" is in doubt: left out
    assert (report.not_in_danger, report.false_alarms) == (1, 1)


def test_the_plain_fallback_with_the_numbers_is_still_a_dead_end_but_reaches_them() -> None:
    """The plain fallback keeps the numbers one tap away: for someone in danger they are within
    reach, but a question it does not place is still left without a topic, and an everyday
    question is not counted as offered choices."""
    fallback = Did(None, (), ("kontak-darurat",))
    rows = [
        Labelled("held", ("perdagangan-orang",), urgent=True),
        Labelled("recipe", (), urgent=False),
    ]
    report = evaluate(lambda _: fallback, rows)
    assert report.reachable == 1 and report.urgent_given == 0
    assert report.abstained == 1 and report.helpful == 0
    assert report.out_of_scope_offered == 0 and report.out_of_scope_answered == 0


def test_a_message_the_labellers_place_apart_counts_in_no_topic_figure() -> None:
    """One labeller says outside the service, the other names a topic: neither answering it
    nor leaving it is wrong, so it counts for danger only."""
    from knowledge.evaluation import agreed

    first = [Labelled("a", (), False), Labelled("b", ("x",), True)]
    second = [Labelled("a", ("y",), False), Labelled("b", ("z",), True)]
    both = agreed(first, second)
    assert [row.placed for row in both] == [False, True]
    did = {"a": Did("y", ("y",), ("y",)), "b": Did("y", ("y",), ("y",))}
    report = evaluate(lambda q: did[q], both)
    assert (report.out_of_scope, report.in_scope, report.correct) == (0, 1, 0)
    assert (report.not_in_danger, report.in_danger) == (1, 1)


def test_a_labeller_scored_as_an_engine_answers_its_first_topic_and_offers_the_rest() -> None:
    from knowledge.evaluation import LabelsAsVerdict, tally

    first = [Labelled("a", ("x", "k"), True), Labelled("b", ("y",), False), Labelled("c", ())]
    second = [Labelled("a", ("k", "x"), True), Labelled("b", ("z", "y"), True), Labelled("c", ())]
    report = tally((one, LabelsAsVerdict(other)) for one, other in zip(first, second, strict=True))
    assert report.correct == 1  # "a": k answered, a right topic; "b": z answered, y offered
    assert report.helpful == 2
    assert (report.urgent_given, report.false_alarms) == (1, 1)
    assert report.out_of_scope_answered == 0
    assert LabelsAsVerdict(second[0]).answered == ("kontak-darurat", "k")
