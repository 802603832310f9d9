from django.urls import path

from content.page_cache import cache_content_page

from . import views

app_name = "options"

urlpatterns = [
    path("options/", cache_content_page(views.OptionIndexView.as_view()), name="index"),
    path("options/<slug:slug>/", cache_content_page(views.OptionDetailView.as_view()), name="detail"),
    path("continuum/", cache_content_page(views.continuum), name="continuum"),
    # Each valid choice of options is a page of its own; other query parameters are not cached.
    path("compare/", cache_content_page(views.compare, query_params=("options",)), name="compare"),
    path("search/", views.site_search, name="search"),
]
