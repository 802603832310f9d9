from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "Treatment-options navigator: editing"
admin.site.site_title = "Navigator admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("questionnaire/", include("navigator.questionnaire_urls")),
    path("admin/", admin.site.urls),
    path("", include("options.urls")),
    path("", include("content.urls")),
]

# Error pages need no database: the site's header, the crisis numbers and the quick exit.
handler500 = "navigator.views.server_error"
