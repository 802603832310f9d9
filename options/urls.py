from django.urls import path

from . import views

app_name = "options"

urlpatterns = [
    path("options/", views.OptionIndexView.as_view(), name="index"),
    path("options/<slug:slug>/", views.OptionDetailView.as_view(), name="detail"),
    path("continuum/", views.continuum, name="continuum"),
    path("compare/", views.compare, name="compare"),
]
