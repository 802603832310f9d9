from django.urls import path

from . import views
from .page_cache import cache_content_page

app_name = "content"

urlpatterns = [
    path("sources/", cache_content_page(views.SourceListView.as_view()), name="sources"),
    path("sources/<slug:key>/", cache_content_page(views.SourceDetailView.as_view()), name="source-detail"),
    # Site pages (about, disclaimer, crisis, privacy) live at the top level; keep last.
    path("<slug:slug>/", cache_content_page(views.page), name="page"),
]
