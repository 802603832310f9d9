from django.urls import path

from . import views

app_name = "navigator"

urlpatterns = [
    path("", views.questionnaire, name="questionnaire"),
    path("result/", views.shared_result, name="shared-result"),
]
