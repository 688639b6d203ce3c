"""What the search finds of surveys: the submitted answers of the rounds every member reads."""

from django.urls import reverse

from search.indexing import Kind, text
from search.registry import Source, on_delete, on_save, register
from surveys.models import Answer, Response, Survey


def answers():
    # The respondent's own name and e-mail address are found through People instead.
    return (
        Answer.objects.filter(response__status=Response.Status.SUBMITTED)
        .filter(response__survey__in=Survey.objects.read_by_members())
        .filter(question__respondent_field="")
        .exclude(text="")
        .select_related("response__organisation", "response__survey", "question")
    )


def answer_entry(answer):
    survey, question = answer.response.survey, answer.question
    return {
        "title": text(answer.response.organisation.name),
        "body": text(answer.text),
        "url": reverse("surveys:question", args=[survey.slug, question.number]),
        # Searched too: the question's text finds its answers.
        "context": text(f"{survey.title} · {question.number}. {question.text}")[:300],
        "date": survey.date,
        "members_only": True,
    }


register(Source(Kind.ANSWER, Answer, answers, answer_entry))
on_save("surveys.Survey", lambda survey: [(Kind.ANSWER, {"response__survey_id": survey.pk})])
on_save("surveys.Question", lambda question: [(Kind.ANSWER, {"question_id": question.pk})])
on_save("surveys.Response", lambda response: [(Kind.ANSWER, {"response_id": response.pk})])
on_save("surveys.Answer", lambda answer: [(Kind.ANSWER, {"pk": answer.pk})])
on_save(
    "regions.Organisation",
    lambda org: [(Kind.ANSWER, {"response__organisation_id": org.pk})],
)
on_delete("surveys.Answer", Kind.ANSWER)
