"""What a person said, in their own terms: "Because you said you use every day and have for 1 to 5 years."

Each answer choice has a short phrase (AnswerChoice.said, edited in the admin) written with
placeholders, so one phrase serves the person themself ("you use"), a family member ("they
use") and a counsellor ("your client uses"):

    {you}   you / they / your client        {your}  your / their / your client's
    {s}     "" / "" / "s"  (use{s})         {have}  have / have / has
    {are}   are / are / is                  {do}    do / do / does
"""
from __future__ import annotations

PERSONS = {
    "you": {"you": "you", "your": "your", "s": "", "have": "have", "are": "are", "do": "do"},
    "they": {"you": "they", "your": "their", "s": "", "have": "have", "are": "are", "do": "do"},
    "client": {"you": "your client", "your": "your client's", "s": "s", "have": "has", "are": "is", "do": "does"},
}
# Who is answering -> how the answers speak about the person.
PERSON_FOR_WHO = {"self": "you", "family": "they", "counsellor": "client"}


class PhraseError(ValueError):
    pass


def check_phrase(phrase: str) -> None:
    """Raise PhraseError naming the problem if a phrase's placeholders are not the ones above."""
    try:
        phrase.format_map(PERSONS["you"])
    except KeyError as error:
        raise PhraseError(f"Unknown placeholder {{{error.args[0]}}}. Use {{you}}, {{your}}, {{s}}, {{have}}, {{are}} or {{do}}.") from None
    except (ValueError, IndexError):
        raise PhraseError("Curly brackets are only for placeholders such as {you}.") from None


def said(phrase: str, person: str) -> str:
    try:
        return phrase.format_map(PERSONS[person])
    except (KeyError, ValueError, IndexError):  # an unchecked phrase is shown as written
        return phrase


def joined(phrases: list[str], person: str) -> str:
    """"A, B and C", with a counsellor's client named once, then "they"."""
    parts = [said(phrase, person if index == 0 or person != "client" else "they") for index, phrase in enumerate(phrases)]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def because_sentence(phrases: list[str], person: str) -> str:
    """"Because you said A, B and C." """
    return f"Because you said {joined(phrases, person)}." if phrases else ""


def assumption_sentence(phrases: list[str], person: str) -> str:
    """For questions skipped: "Not answered, so this assumes A." """
    return f"Not answered, so this assumes {joined(phrases, person)}." if phrases else ""
