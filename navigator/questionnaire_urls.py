from django.urls import path

app_name = "navigator"

urlpatterns = []
