"""The site's middleware in front of a view that returns two bytes (for scripts/count_instructions.py).

What a request costs in Django plus this site's middleware, before any page work.
"""
from django.http import HttpResponse
from django.urls import path


def empty(request):
    return HttpResponse(b"ok")


urlpatterns = [path("questionnaire/result/", empty)]
