from django.http import HttpResponse
from django.urls import path


def ok(request):
    return HttpResponse(b"ok")


urlpatterns = [path("", ok)]
