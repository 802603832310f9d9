"""The apps whose models are site content: edited by Editors, kept in history, and cached
by content version. navigator sits above the other two, so it is the one place that
knows all three."""
CONTENT_APP_LABELS = ("content", "options", "navigator")
# Models in those apps that are bookkeeping, not content: not edited, versioned or given to Editors.
NOT_CONTENT_MODELS = frozenset({"content.contentversion", "navigator.editorsgrant"})
