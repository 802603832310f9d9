"""The result page (issue 12): its order, where to live, first steps, reasons in the person's
words, Change buttons, and that no answer is cached."""
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from navigator.models import AnswerChoice
from navigator.said import PhraseError, because_sentence, check_phrase

from .test_questionnaire_views import ANSWERS, URL, _walk

pytestmark = pytest.mark.django_db
SHARED = reverse("navigator:shared-result")
OCCASIONAL_DRUGS_AT_HOME = {
    "use_duration": "under_3_months", "use_frequency": "less_than_weekly", "withdrawal": "none",
    "life_impact": "little", "relapse_history": "no_attempts", "home_environment": "drug_use_at_home",
}


def test_the_result_reads_in_the_order_a_family_needs(client):
    html = client.get(SHARED, {**ANSWERS, "urgent_symptoms": "present"}).content.decode()
    headings = ["Do this first", "Suggested level of care", "Where to live during treatment", "First steps this week",
                "The path after it", "Medicines to discuss", "Support alongside", "The answers this is based on"]
    positions = [html.index(heading) for heading in headings]
    assert positions == sorted(positions)


def test_an_unsafe_home_with_occasional_use_points_to_sober_living_not_inpatient(client):
    response = client.get(SHARED, OCCASIONAL_DRUGS_AT_HOME)
    html = response.content.decode()
    assert response.context["primary"].slug == "intensive-outpatient"
    where = html.split("Where to live during treatment")[1].split("</p>")[0]
    assert "Sober living" in where or "sober living" in where.lower()
    assert "Ask the service about a place in a sober living home" in html  # a first step


def test_first_steps_always_start_with_naloxone_and_offer_medicine_where_there_is_dependence(client):
    steps = client.get(SHARED, ANSWERS).context["first_steps"]
    assert steps[0].text.startswith("Get naloxone")
    assert any("starting buprenorphine or methadone" in step.text for step in steps)
    assert any("1-800-662-4357" in step.text for step in steps)


@pytest.mark.parametrize(
    "who, expected",
    [
        ("self", "Because you said you use several times a day"),
        ("family", "Because you said they use several times a day"),
        ("counsellor", "Because you said your client uses several times a day"),
    ],
)
def test_reasons_say_what_the_person_said_in_their_terms(client, who, expected):
    html = client.get(SHARED, {**ANSWERS, "who": who}).content.decode()
    assert expected in html
    assert "Because of the answer" not in html  # no question text read back


def test_a_counsellors_client_is_named_once_then_they():
    phrases = ["{you} use{s} every day", "{you} {have} used for 1 to 5 years"]
    assert because_sentence(phrases, "client") == (
        "Because you said your client uses every day and they have used for 1 to 5 years."
    )
    assert because_sentence(phrases, "you") == "Because you said you use every day and you have used for 1 to 5 years."
    assert because_sentence([], "you") == ""


def test_an_editor_gets_a_clear_error_for_a_placeholder_that_does_not_exist():
    choice = AnswerChoice.objects.get(question__code="use_frequency", code="daily")
    choice.said = "{yuo} use every day"
    with pytest.raises(ValidationError) as raised:
        choice.full_clean()
    assert "{yuo}" in str(raised.value)
    with pytest.raises(PhraseError):
        check_phrase("a stray { bracket")
    check_phrase("{you} use{s} every day")  # the documented placeholders pass


def test_every_answer_choice_has_a_phrase_that_checks():
    for choice in AnswerChoice.objects.all():
        assert choice.said, (choice.question.code, choice.code)
        check_phrase(choice.said)


def test_change_goes_back_to_that_question_then_to_checking_with_every_answer_kept(client):
    result = client.get(SHARED, ANSWERS)
    row = next(row for row in result.context["answer_rows"] if row.code == "home_environment")
    html = result.content.decode()
    assert f'name="goto" value="{row.step}"' in html and 'name="home_environment" value="drug_use_at_home"' in html
    question = client.post(URL, {**ANSWERS, "step": 0, "goto": str(row.step)})
    assert question.status_code == 200 and question.context["step"] == row.step
    assert question.context["form"]["home_environment"].value() == "drug_use_at_home"
    assert question.context["form"]["use_duration"].value() == "over_5_years"  # kept from earlier
    assert 'name="return" value="check"' in question.content.decode()
    # Continue with a new answer: back to "Check your answers", the change made and the rest kept.
    check = client.post(URL, {**ANSWERS, "home_environment": "stressful", "step": row.step, "return": "check",
                              "action": "next"})
    assert check.templates[0].name == "navigator/check_answers.html"
    rows = {row.code: row.answer for row in check.context["answer_rows"]}
    assert rows["home_environment"] == "Stressful or tense" and rows["use_duration"] == "More than 5 years"
    # A made-up step number goes to the start, never to an error.
    assert client.post(URL, {**ANSWERS, "step": 0, "goto": "999"}).context["step"] == 0


def test_check_your_answers_says_not_answered_and_leads_to_the_result(client):
    check = _walk(client, {code: value for code, value in ANSWERS.items() if code != "overdose"}, stop_at_check=True)
    rows = {row.code: row.answer for row in check.context["answer_rows"]}
    assert rows["overdose"] == "Not answered" and rows["treatment_stage"] == "Not answered"
    html = check.content.decode()
    assert "<h1>Check your answers</h1>" in html and 'value="result"' in html
    assert f'name="goto" value="{check.context["last_step"]}"' in html  # Back: the last question


def test_the_web_and_the_recommend_command_give_the_same_result(client, tmp_path):
    import io
    import json

    from django.core.management import call_command

    for answers in (ANSWERS, OCCASIONAL_DRUGS_AT_HOME, {**ANSWERS, "treatment_stage": "finished_iop"}):
        path = tmp_path / "answers.json"
        path.write_text(json.dumps(answers), encoding="utf-8")
        out = io.StringIO()
        call_command("recommend", "--answers", str(path), stdout=out)
        command = json.loads(out.getvalue())
        context = _walk(client, answers).context
        assert context["primary"].slug == command["primary"]
        assert [item.slug for item in context["pathway"]] == command["pathway"]
        assert [item.slug for item in context["medications"]] == command["medications"]
        page_texts = {reason.text for name in ("first_steps", "where_to_live_reasons") for reason in context[name]}
        assert page_texts <= {reason["text"] for reason in command["reasons"]}


def test_no_answer_reaches_either_cache(client):
    from unittest import mock

    from django.core.cache import caches

    stored = []
    for alias in ("default", "process"):
        for method in ("set", "add", "set_many", "get_or_set"):
            mock.patch.object(
                caches[alias], method, side_effect=lambda *args, **kwargs: stored.append((args, kwargs))
            ).start()
    try:
        _walk(client, ANSWERS)
        client.get(SHARED, {**ANSWERS, "who": "counsellor"})
    finally:
        mock.patch.stopall()
    text = repr(stored)
    for said in ("several times a day", "Because you said", "someone you live with", "your client"):
        assert said not in text


def test_the_result_cites_with_numbered_markers_and_one_list_at_the_end(client):
    import re

    html = client.get(SHARED, {**ANSWERS, "suicidal_thoughts": "now"}).content.decode()
    body, _, listed = html.partition('id="references-heading"')
    assert 'class="cite"' not in body  # no "Sources: …" label in the reading flow
    markers = set(re.findall(r'href="#ref-(\d+)"', body))
    assert markers and markers == set(re.findall(r'<li id="ref-(\d+)"', listed))
    assert body.index('href="#ref-1"') < body.index("Suggested level of care")  # numbered as the page reads
