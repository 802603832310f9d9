from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.generic import DetailView, ListView

from .models import Citation, Page, Source


def page(request, slug):
    page = get_object_or_404(Page.objects.prefetch_related("sections__citations__source"), slug=slug)
    return render(request, "content/page.html", {"page": page})


class SourceQuerysetMixin:
    model = Source
    slug_field = "key"
    slug_url_kwarg = "key"

    def get_queryset(self):
        return Source.objects.prefetch_related(
            Prefetch(
                "citations",
                queryset=Citation.objects.prefetch_related(
                    "facts__option", "option_summaries", "source_notes__options", "page_sections__page"
                ),
            )
        )


class SourceListView(SourceQuerysetMixin, ListView):
    pass


class SourceDetailView(SourceQuerysetMixin, DetailView):
    pass
