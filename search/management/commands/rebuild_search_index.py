from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Write the search index again from every meeting, theme, organisation, person, answer."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"The search index holds {count} entries.")
