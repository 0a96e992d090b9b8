"""The donor's report: the demo's figures, the JSON's keys exactly as promised, and each
figure worked out again from what the plan holds."""

from __future__ import annotations

import json
from decimal import Decimal

from planner.cli import main
from planner.exports.common import PlanData
from planner.queries.evaluation import results
from planner.rules.budget import compute
from planner.rules.report import report

SEX_KEYS = {"total", "female", "male", "other", "unknown"}


def test_the_demos_report_has_every_promised_key_and_plausible_figures(demo, demo_path, capsys):
    assert main(["report", str(demo_path), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert set(found) == {
        "trainees",
        "attended",
        "completed",
        "attendance_rate",
        "knowledge",
        "satisfaction",
        "cost_per_trainee",
        "cost_per_trainee_hour",
        "age_bands",
        "organisations",
        "sheets",
    }
    for key in ("trainees", "attended", "completed"):
        assert set(found[key]) == SEX_KEYS
        assert found[key]["total"] == sum(found[key][s] for s in SEX_KEYS - {"total"})
    assert found["trainees"]["total"] == 200  # the officer replaced after a day is no trainee
    assert 190 <= found["completed"]["total"] < 200
    assert 0.9 < found["attendance_rate"] <= 1
    k = found["knowledge"]
    assert set(k) == {"pre_mean", "post_mean", "gain", "paired", "improved"}
    assert 50 <= k["pre_mean"] <= 60 and 75 <= k["post_mean"] <= 85
    assert k["gain"] == round(k["post_mean"] - k["pre_mean"], 1) and k["paired"] > 180
    s = found["satisfaction"]
    assert set(s) == {"mean", "responses", "questions"} and 4.1 <= s["mean"] <= 4.5
    assert {tuple(sorted(q)) for q in s["questions"]} == {("mean", "responses", "text")}
    cost = found["cost_per_trainee"]
    assert set(cost) == {"amount", "currency", "basis"} and cost["basis"] == "budget"
    budget = compute(demo)
    expected = (budget.total / found["completed"]["total"]).quantize(Decimal("0.01"))
    assert Decimal(cost["amount"]) == expected and cost["currency"] == "USD"
    assert [b["band"] for b in found["age_bands"]] == [
        "<25",
        "25-34",
        "35-44",
        "45-54",
        "55+",
        "unknown",
    ]
    assert (
        sum(b[x] for b in found["age_bands"] for x in SEX_KEYS - {"total"})
        == (found["completed"]["total"])
    )
    assert found["organisations"] == [
        {
            "name": "National Directorate of Border Police Services",
            "attended": 200,
            "completed": found["completed"]["total"],
        }
    ]
    assert found["sheets"] and set(found["sheets"][0]) == {"session", "date", "present"}
    assert report(demo) == found  # the command prints what the core computes


def test_knowledge_counts_only_the_people_with_both_tests(demo):
    data = PlanData.load(demo)
    found = report(demo)["knowledge"]
    held = results(demo)
    pre, post = (
        next(t for t in held.tests.values() if t.kind == kind) for kind in ("pre_test", "post_test")
    )
    trainees = data.training().trainees
    both = set(held.scores[pre.id]) & set(held.scores[post.id]) & trainees
    assert found["paired"] == len(both) < len(held.scores[pre.id])  # some missed the post-test
    mean = sum(held.scores[pre.id][p] for p in both) * 100 / (len(both) * pre.max_score)
    assert found["pre_mean"] == float(mean.quantize(Decimal("0.1")))
    improved = sum(1 for p in both if held.scores[post.id][p] > held.scores[pre.id][p])
    assert found["improved"] == round(improved / len(both), 3)


def test_scores_are_personal_data(demo):
    assert results(demo, personal=False).scores == {}
    from planner.domain.personal import is_personal

    assert is_personal("score", "points")
