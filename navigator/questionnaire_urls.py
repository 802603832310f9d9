from django.urls import path

from . import views

app_name = "navigator"

urlpatterns = [
    path("result/", views.shared_result, name="shared-result"),  # first: see navigator/urls.py
    path("", views.questionnaire, name="questionnaire"),
]
