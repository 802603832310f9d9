import logging
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from navigator import rules

pytestmark = pytest.mark.django_db
URL = reverse("navigator:questionnaire")
ANSWERS = {
    "use_duration": "over_5_years",
    "use_frequency": "several_times_daily",
    "withdrawal": "severe",
    "life_impact": "most",
    "relapse_history": "repeated_treatment_relapses",
    "home_environment": "drug_use_at_home",
    "overdose": "once",
    "mental_health": "diagnosed_or_suspected",
    "medication_openness": "open",
}


def _codes(response):
    return response.context["form"].codes


def _step_of(response, code):
    """The screen a question is on (the safety questions share one)."""
    return response.context["form"].screen_of(code)


def _what_the_rules_say(answers):
    result = rules.recommend(rules.parse_answers(answers))
    return (result.primary, result.detox, result.pathway, result.medications, result.support)


def _what_the_page_shows(response):
    context = response.context
    detox = context["detox"].slug if context["detox"] else None
    slugs = [[item.slug for item in context[name]] for name in ("pathway", "medications", "support")]
    return (context["primary"].slug, detox, *slugs)


def _walk(client, answers, *, stop_at_check=False):
    """Answer every question in order through the real form, as a browser would, then go from
    "Check your answers" to the result. Every step is a POST: no answer goes into an address."""
    response = client.get(URL)
    data = {}
    screens = response.context["form"].screens
    for step, screen in enumerate(screens):
        data.update({code: answers[code] for code in screen if code in answers})
        action = "finish" if step == len(screens) - 1 else "next"
        response = client.post(URL, {**data, "step": step, "action": action})
    assert response.templates[0].name == "navigator/check_answers.html", "the last question leads to checking"
    if stop_at_check:
        return response
    return client.post(URL, {**response.context["answer_values"], "step": 0, "action": "result"})


def test_walking_the_questions_gives_the_same_result_as_the_rules(client):
    response = _walk(client, ANSWERS)
    assert response.status_code == 200
    expected = rules.recommend(rules.parse_answers(ANSWERS))
    assert _what_the_page_shows(response) == _what_the_rules_say(ANSWERS)
    html = response.content.decode()
    for slug in [expected.primary, *expected.pathway, *expected.medications, *expected.support]:
        assert reverse("options:detail", args=[slug]) in html, slug
    assert "This is not a diagnosis" in html
    assert reverse("options:detail", args=[expected.primary]) in html
    assert reverse("content:source-detail", args=["webmd"]) in html  # reasons link their sources


def test_progress_and_help_text_are_shown(client):
    response = client.get(URL)
    html = response.content.decode()
    screens = response.context["form"].screens
    assert f"Question 1 of {len(screens)}" in html
    assert response.context["field"].help_text in html
    # The safety questions share one screen: fewer steps than questions.
    assert len(screens) == len(rules.QUESTIONS) - 6


def test_the_safety_questions_share_one_screen_each_with_its_own_fieldset(client):
    from navigator.questionnaire import SAFETY_SCREEN, SAFETY_SCREEN_HEADING

    step = _step_of(client.get(URL), "suicidal_thoughts")
    response = client.post(URL, {**ANSWERS, "step": step - 1, "action": "next"})
    html = response.content.decode()
    assert response.context["step"] == step
    assert html.count("<h1") == 1 and SAFETY_SCREEN_HEADING in html
    assert html.count("<fieldset") == len(SAFETY_SCREEN)
    for code in SAFETY_SCREEN:
        assert f'name="{code}" value=' in html and 'type="radio"' in html
    answered = client.post(URL, {**ANSWERS, "step": step, "action": "next", "pregnant": "unsure", "injecting": "past"})
    assert answered.context["step"] == step + 1
    assert answered.context["form"]["pregnant"].value() == "unsure"


def test_back_keeps_the_answers(client):
    duration = _step_of(client.get(URL), "use_duration")
    response = client.post(URL, {"who": "family", "step": duration - 1, "action": "next"})
    assert response.context["step"] == duration
    response = client.post(URL, {"who": "family", "use_duration": "1_to_5_years", "step": duration, "action": "next"})
    assert response.context["step"] == duration + 1
    response = client.post(
        URL, {"who": "family", "use_duration": "1_to_5_years", "step": duration + 1, "action": "back"}
    )
    assert response.context["step"] == duration
    html = response.content.decode()
    checked = re.findall(r'<input type="radio" name="use_duration" value="([^"]+)"[^>]*\bchecked\b', html)
    assert checked == ["1_to_5_years"]
    # "They" wording for a family member.
    assert "they" in response.context["field"].label.lower()


def test_a_required_question_left_blank_gets_a_clear_error(client):
    duration = _step_of(client.get(URL), "use_duration")
    response = client.post(URL, {"step": duration, "action": "next"})
    assert response.status_code == 400
    assert response.context["step"] == duration
    assert "Please choose an answer to go on." in response.content.decode()
    assert 'role="alert"' in response.content.decode()


def test_tampered_hidden_answer_is_caught_and_explained(client):
    response = client.post(URL, {"use_duration": "forever", "step": 5, "action": "next"})
    assert response.status_code == 400
    assert response.context["code"] == "use_duration"
    assert "not one of the choices" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"step": "-1", "action": "next"},
        {"step": "abc", "action": "next"},
        {"step": "9999", "action": "finish"},
        {"step": "0", "action": "explode"},
        {"who": "<script>alert(1)</script>", "step": "0"},
    ],
)
def test_hostile_form_posts_never_fail_badly(client, data):
    response = client.post(URL, data)
    assert response.status_code in (200, 400)
    assert b"<script>alert(1)</script>" not in response.content


def test_finishing_with_a_missing_answer_returns_to_it(client):
    answers = {k: v for k, v in ANSWERS.items() if k != "withdrawal"}
    response = client.post(URL, {**answers, "step": len(rules.QUESTIONS) - 1, "action": "finish"})
    assert response.status_code == 400
    assert response.context["code"] == "withdrawal"


def test_no_answer_reaches_the_database(client):
    with CaptureQueriesContext(connection) as queries:
        response = _walk(client, ANSWERS)
    assert response.status_code == 200
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies


def test_no_answer_reaches_the_logs(client, caplog):
    with caplog.at_level(logging.DEBUG):
        _walk(client, ANSWERS)
        client.post(URL, {"use_duration": "forever", "step": 3, "action": "next"})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for value in ("over_5_years", "several_times_daily", "drug_use_at_home", "repeated_treatment_relapses", "forever"):
        assert value not in logged


def test_the_share_link_says_it_carries_the_answers(client):
    response = _walk(client, ANSWERS)
    html = response.content.decode()
    assert "this link contains all the answers" in html
    share = reverse("navigator:shared-result") + "?"
    assert share in html


def test_shared_link_shows_the_same_result(client):
    response = client.get(reverse("navigator:shared-result"), ANSWERS)
    assert response.status_code == 200
    assert _what_the_page_shows(response) == _what_the_rules_say(ANSWERS)
    assert_never_stored(response)


def assert_never_stored(response):
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "no-cache", "private", "max-age=0"} <= directives


def test_no_questionnaire_page_may_be_stored_by_a_browser_or_proxy(client):
    assert_never_stored(client.get(URL))
    assert_never_stored(client.post(URL, {"step": 0, "action": "next"}))  # an error: no answer chosen
    assert_never_stored(client.get(reverse("navigator:shared-result"), {"use_duration": "forever"}))  # a 400


def test_a_link_with_too_many_parts_is_refused_with_a_message(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    query = "&".join(f"x{number}=1" for number in range(11))
    response = client.get(reverse("navigator:shared-result") + "?" + query)
    assert response.status_code == 400
    assert "We could not read that request" in response.content.decode()
    assert 'href="tel:911"' in response.content.decode()  # the error page keeps the crisis help


def test_a_repeated_answer_in_a_link_counts_once_the_last_value_as_django_reads_it(client):
    query = "&".join(f"{code}={value}" for code, value in ANSWERS.items()) + "&withdrawal=none"
    response = client.get(reverse("navigator:shared-result") + "?" + query)
    assert response.status_code == 200
    assert _what_the_page_shows(response) == _what_the_rules_say({**ANSWERS, "withdrawal": "none"})


@pytest.mark.parametrize(
    "query,named",
    [({"use_duration": "x"}, "use_duration"), ({**ANSWERS, "bogus": "1"}, "bogus"), ({}, "withdrawal")],
)
def test_bad_shared_link_names_the_problem(client, query, named):
    response = client.get(reverse("navigator:shared-result"), query)
    assert response.status_code == 400
    assert named in response.content.decode()


def test_home_page_ways_in_preselect_who(client):
    response = client.get(URL, {"who": "counsellor"})
    assert response.context["form"]["who"].value() == "counsellor"
    assert client.get(URL, {"who": "nonsense"}).status_code == 200


def test_no_answer_reaches_the_cache(client):
    from unittest import mock

    from django.core.cache import cache

    stored = []
    for method in ("set", "add", "set_many", "get_or_set"):
        patcher = mock.patch.object(cache, method, side_effect=lambda *args, **kwargs: stored.append((args, kwargs)))
        patcher.start()
    try:
        _walk(client, ANSWERS)
        client.get(reverse("navigator:shared-result"), ANSWERS)
        client.get("/options/methadone/")  # a content page is stored: it holds no answers
    finally:
        mock.patch.stopall()
    assert stored
    for value in ("several_times_daily", "drug_use_at_home", "repeated_treatment_relapses", "diagnosed_or_suspected"):
        assert value not in repr(stored)


def test_an_edit_shows_on_the_next_result(client):
    from options.models import TreatmentOption

    primary = TreatmentOption.objects.get(slug=rules.recommend(rules.parse_answers(ANSWERS)).primary)
    assert primary.name in client.get(reverse("navigator:shared-result"), ANSWERS).content.decode()
    primary.name = "A renamed level of care"
    primary.save()
    assert "A renamed level of care" in client.get(reverse("navigator:shared-result"), ANSWERS).content.decode()


def test_a_medicine_taken_now_is_kept_and_a_skipped_last_use_says_not_answered(client):
    on_methadone = {**ANSWERS, "current_medication": "methadone"}
    response = client.get(reverse("navigator:shared-result"), on_methadone)
    html = response.content.decode()
    assert response.status_code == 200
    assert "(keep taking it)" in html
    assert reverse("options:detail", args=["naltrexone"]) not in html  # never beside methadone
    assert [item.slug for item in response.context["medications"]][:2] == ["naloxone", "methadone"]
    rows = {row.question: row.answer for row in response.context["answer_rows"]}
    assert rows["When did you last use heroin, or opioids that were not prescribed to you?"] == "Not answered"
    assert "last_use" not in response.context["share_url"]  # a skipped answer is not made up in the link


def test_the_medication_questions_are_asked_in_the_questionnaire(client):
    codes = _codes(client.get(URL))
    assert codes.index("treatment_stage") < codes.index("current_medication") < codes.index("last_use")


def test_the_crisis_help_shows_as_soon_as_the_answer_is_given_and_the_person_can_go_on(client):
    step = _step_of(client.get(URL), "suicidal_thoughts")
    response = client.post(URL, {"suicidal_thoughts": "now", "step": step, "action": "next"})
    html = response.content.decode()
    assert response.status_code == 200 and response.context["step"] == step + 1  # on to the next question
    assert "Get help now" in html and 'href="tel:988"' in html
    assert "<h2" not in html.split("<h1")[0]  # the crisis help is no heading: the question's h1 comes first
    calm = client.post(URL, {"suicidal_thoughts": "no", "step": step, "action": "next"}).content.decode()
    assert "Get help now" not in calm


@pytest.mark.parametrize("answer", [{"suicidal_thoughts": "now"}, {"urgent_symptoms": "present"}])
def test_the_result_opens_with_what_to_do_now(client, answer):
    html = client.get(reverse("navigator:shared-result"), {**ANSWERS, **answer}).content.decode()
    assert "Do this first" in html
    assert html.index("Do this first") < html.index("Suggested level of care")
    assert 'href="tel:911"' in html.split("Suggested level of care")[0]


def test_every_reason_the_rules_give_is_on_the_result_page(client):
    """No reason is lost between the rules and the page (each needs a place to be shown)."""
    import random

    from django.utils.html import escape

    draw = random.Random(12)
    answer_sets = [{q.code: draw.choice(q.choices) for q in rules.QUESTIONS} for _ in range(40)]
    answer_sets.append({**ANSWERS, "suicidal_thoughts": "now", "urgent_symptoms": "present", "pregnant": "unsure",
                        "alcohol_or_sedatives": "both", "recent_overdose": "last_3_months", "age_group": "under_18",
                        "injecting": "current", "chronic_pain": "yes", "medication_openness": "prefer_not"})
    for answers in answer_sets:
        html = client.get(reverse("navigator:shared-result"), answers).content.decode()
        for given in rules.recommend(rules.parse_answers(answers)).reasons:
            assert escape(given.text) in html, (answers, given.about, given.text[:60])


def test_a_skipped_question_shows_as_not_answered_never_as_its_default(client):
    from navigator.models import Question

    response = _walk(client, ANSWERS)  # treatment_stage, budget and others skipped
    rows = {row.question: row.answer for row in response.context["answer_rows"]}
    stage_question = Question.objects.get(code="treatment_stage").text_self
    assert rows[stage_question] == "Not answered"
    assert rows[Question.objects.get(code="use_duration").text_self] != "Not answered"  # an answer given
    assert "treatment_stage" not in response.context["share_url"] and "budget" not in response.context["share_url"]
    # Reasons name only answers the person gave, and say what they assume for one skipped.
    html = response.content.decode()
    assert "Because you said" in html
    assert "you have not started treatment" not in html  # skipped, and no reason depends on it
    unsure = _walk(client, {code: value for code, value in ANSWERS.items() if code != "medication_openness"})
    assert "Not answered, so this assumes you are not sure about medicine yet." in unsure.content.decode()
