from django.urls import path

from . import views

app_name = "navigator"

urlpatterns = [
    path("questionnaire/", views.questionnaire, name="questionnaire"),
    path("questionnaire/result/", views.shared_result, name="shared-result"),
]
