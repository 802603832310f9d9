from django.urls import path

from . import views

app_name = "content"

urlpatterns = [
    path("", views.home, name="home"),
    path("sources/", views.SourceListView.as_view(), name="sources"),
    path("sources/<slug:key>/", views.SourceDetailView.as_view(), name="source-detail"),
    # Site pages (about, disclaimer, crisis, privacy) live at the top level; keep last.
    path("<slug:slug>/", views.page, name="page"),
]
