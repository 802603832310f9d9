from functools import wraps
from urllib.parse import parse_qsl

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import rules
from .questionnaire import QuestionnaireForm, first_invalid_step
from .result_page import render_checked, render_result, snapshot

# What never_cache sends, set directly: patch_cache_control() parses and rebuilds the
# header, which costs about a tenth of building the whole result page.
NO_STORE = "max-age=0, no-cache, no-store, must-revalidate, private"


def no_store(view):
    """Answers must never be kept by a browser's or a proxy's cache."""

    @wraps(view)
    def view_that_is_never_stored(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["Cache-Control"] = NO_STORE
        return response

    return view_that_is_never_stored


# The questionnaire changes nothing on the server and no one is signed in, so there is
# nothing for a cross-site request to forge. Exempting it means visitors get no CSRF
# cookie at all: the site sets cookies only for editors who sign in.


@csrf_exempt
@no_store
@require_http_methods(["GET", "POST"])
def questionnaire(request):
    content = snapshot()
    wording = content.wording
    data = request.POST if request.method == "POST" else _initial_data(request.GET)
    who = data.get("who") if data.get("who") in rules.QUESTIONS_BY_CODE["who"].choices else "self"
    form = QuestionnaireForm(data, wording=wording, who=who)
    total = len(form.codes)
    status = 200
    if not form.is_valid():
        # Tampered or stale hidden answers: go back to the first bad question and say why.
        step = first_invalid_step(form)
        step = 0 if step is None else step
        status = 400
    else:
        step = min(form.cleaned_data.get("step") or 0, total - 1)
        action = request.POST.get("action", "")
        code = form.codes[step]
        if request.method == "POST" and action == "back":
            step = max(step - 1, 0)
        elif request.method == "POST" and action in ("next", "finish"):
            if code in rules.REQUIRED_CODES and not form.cleaned_data.get(code):
                form.add_error(code, "Please choose an answer to go on.")
                status = 400
            elif action == "finish" or step == total - 1:
                missing = [c for c in rules.REQUIRED_CODES if not form.cleaned_data.get(c)]
                if missing:
                    step = form.codes.index(missing[0])
                    form.add_error(missing[0], "Please answer this question before seeing the result.")
                    status = 400
                else:
                    return render_result(content, rules.parse_answers(form.answers()))
            else:
                step += 1
    form.show_step(step)
    code = form.codes[step]
    return render(
        request,
        "navigator/question.html",
        {
            "form": form,
            "field": form[code],
            "code": code,
            "step": step,
            "number": step + 1,
            "total": total,
            "is_last": step == total - 1,
            "required": code in rules.REQUIRED_CODES,
            "hidden_fields": [form[c] for c in form.codes if c != code],
        },
        status=status,
    )


def _link_answers(request):
    """The answers in a shared link: one value per question (the last, if one is repeated).

    Read straight from the query string: request.GET would build a QueryDict (lists of
    values, guarded against change), which costs more than the rules do on this page.
    """
    try:
        return link_query_values(request.META.get("QUERY_STRING", ""), settings.DATA_UPLOAD_MAX_NUMBER_FIELDS)
    except TooManyParts as error:
        raise rules.AnswerError({"link": str(error)}) from None


class TooManyParts(ValueError):
    """A query string with more fields than Django accepts in any request."""


def link_query_values(query, limit):
    """A query string as a dict of its last values, decoded as Django decodes request.GET.

    The links this site makes need no decoding (no percent-encoding, "+" or non-ASCII),
    so such a query string is split directly; any other goes through the standard
    decoder. tests/navigator/test_link_query.py checks the two agree with Django.
    """
    if query.count("&") >= limit:
        raise TooManyParts(f"it has more than {limit} parts.")
    if query.isascii() and "%" not in query and "+" not in query:
        return dict([part.partition("=")[::2] for part in query.split("&") if part])
    query = query.encode("iso-8859-1").decode("utf-8", "replace")  # as WSGIRequest decodes it
    return dict(parse_qsl(query, keep_blank_values=True))


def _initial_data(query):
    """A GET may only pre-select who is answering (from the home page's ways in)."""
    data = QueryDict(mutable=True)
    if query.get("who") in rules.QUESTIONS_BY_CODE["who"].choices:
        data["who"] = query["who"]
    data["step"] = "0"
    return data


@no_store
@require_http_methods(["GET"])
def shared_result(request):
    """A result from a link the user chose to share: the answers are in the link."""
    try:
        answers = rules.parse_answers(_link_answers(request))
    except rules.AnswerError as error:
        return render(request, "navigator/bad_link.html", {"problems": error.problems}, status=400)
    return render_checked(answers)
