from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Treatment-options navigator: editing"
admin.site.site_title = "Navigator admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("options.urls")),
    path("", include("navigator.questionnaire_urls")),
    path("", include("content.urls")),
]
