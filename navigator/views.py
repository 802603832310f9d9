import sys

from django.db import DatabaseError
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from content.page_cache import cache_content_page
from options.models import Category, TreatmentOption

from . import rules
from .questionnaire import QuestionnaireForm, first_invalid_step
from .result_page import answers_context, current_snapshot, result_context


@cache_content_page
def home(request):
    featured = TreatmentOption.objects.filter(category__in=[Category.DETOX, Category.LEVEL_OF_CARE])
    return render(request, "navigator/home.html", {"featured": featured})


# The questionnaire changes nothing on the server and no one is signed in, so there is
# nothing for a cross-site request to forge. Exempting it means visitors get no CSRF
# cookie at all: the site sets cookies only for editors who sign in. never_cache: no
# browser or proxy may keep a page that holds answers.
#
# The answers so far travel as hidden fields in each POST, never in an address, and nothing is
# stored on the server. static/js/site.js makes the browser's Back button step back through
# the questions without a resubmission warning (it keeps each page in memory only).


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def questionnaire(request):
    content = current_snapshot()
    wording = content.wording
    data = request.POST if request.method == "POST" else initial_data(request.GET)
    who = data.get("who") if data.get("who") in rules.QUESTIONS_BY_CODE["who"].choices else "self"
    form = QuestionnaireForm(data, wording=wording, who=who)
    total = len(form.screens)
    returning = data.get("return") == "check"  # came from "Check your answers": go back there
    status = 200
    if not form.is_valid():
        # Tampered or stale hidden answers: go back to the first bad question and say why.
        step = first_invalid_step(form)
        step = 0 if step is None else step
        status = 400
    else:
        step = min(form.cleaned_data.get("step") or 0, total - 1)
        action = data.get("action", "")
        goto = data.get("goto", "")
        unanswered = [c for c in form.screens[step] if c in rules.REQUIRED_CODES and not form.cleaned_data.get(c)]
        if goto:
            # A Change button: that question, with every answer kept, then back to checking.
            step = int(goto) if goto.isdigit() and int(goto) < total else 0
            returning = True
        elif action == "back":
            step = max(step - 1, 0)
        elif action in ("next", "finish", "result"):
            if unanswered:
                form.add_error(unanswered[0], "Please choose an answer to go on.")
                status = 400
            elif action in ("finish", "result") or step == total - 1 or returning:
                missing = [c for c in rules.REQUIRED_CODES if not form.cleaned_data.get(c)]
                if missing:
                    step = form.screen_of(missing[0])
                    form.add_error(missing[0], "Please answer this question before seeing the result.")
                    status = 400
                else:
                    given = form.answers()
                    answers, answered = rules.parse_answers(given), frozenset(given)
                    if action == "result":
                        return render(request, "navigator/result.html",
                                      result_context(answers, content=content, answered=answered))
                    context = answers_context(answers, content=content, answered=answered)
                    return render(request, "navigator/check_answers.html", {**context, "last_step": total - 1})
            else:
                step += 1
    form.show_step(step, returning=returning)
    screen = form.screens[step]
    # Danger first: once an answer says so, every later step shows whom to call, and the person can go on.
    danger_now = data.get("suicidal_thoughts") == "now" or data.get("urgent_symptoms") == "present"
    return render(
        request,
        "navigator/question.html",
        {
            "form": form,
            "field": form[screen[0]],
            "code": screen[0],
            "step": step,
            "number": step + 1,
            "total": total,
            "is_last": step == total - 1,
            "required": any(code in rules.REQUIRED_CODES for code in screen),
            "danger_now": danger_now,
            "returning": returning,
        },
        status=status,
    )


def initial_data(query):
    """A GET may only pre-select who is answering (from the home page's ways in)."""
    data = {"step": "0"}
    if query.get("who") in rules.QUESTIONS_BY_CODE["who"].choices:
        data["who"] = query["who"]
    return data


@never_cache
@require_GET
def shared_result(request):
    """A result from a link the user chose to share: the answers are in the link."""
    given = {code: value for code, value in request.GET.dict().items() if value}  # the last of a repeated answer
    try:
        answers = rules.parse_answers(given)
    except rules.AnswerError as error:
        return render(request, "navigator/bad_link.html", {"problems": error.problems}, status=400)
    context = result_context(answers, content=current_snapshot(), answered=frozenset(given))
    return render(request, "navigator/result.html", context)


def server_error(request):
    """handler500: a database that is down or unreachable is a 503 (try again soon), not our bug.

    Both pages need no database: they show the crisis numbers and the quick exit.
    """
    status = 503 if isinstance(sys.exception(), DatabaseError) else 500
    return render(request, f"{status}.html", status=status)
