"""The Data page: the site's downloads (exports.py, feeds.py), what each holds, and how many rows."""

from __future__ import annotations

from ..model import Page
from .common import front_matter, md_link, render_template
from .exports import FOLDER
from .feeds import SITE_FEED
from .kinds import OnePage
from .profile import plural
from .site import Site

PATH = "data.md"


class DataPage(OnePage):
    PATH = PATH
    name = "data page"
    where = "here"

    def draw(self, site: Site, key: str) -> Page:
        links = site.graph_links()
        relations = sum(len(link.acts) for _, _, link in links)
        entities = len(site.ranked_entities())
        quotes = len(site.every_quotation())

        def download(name: str, what: str) -> str:
            return f"{md_link(name, f'{FOLDER}/{name}', PATH)} — {what}"

        files = [
            download(
                "entities.csv",
                f"{plural(entities, 'entity', 'entities')}: id, name, type, aliases, roles, mentions, "
                "articles, page",
            ),
            download(
                "relations.csv",
                f"{plural(relations, 'relation')}: source, relation, target, what it says, article, "
                "paragraph, evidence sentence",
            ),
            download(
                "quotes.csv", f"{plural(quotes, 'quote')}: speaker, quote, article, paragraph, sentence"
            ),
            download(
                "graph.graphml",
                f"the network ({plural(len(site.graph_members()), 'entity', 'entities')}, "
                f"{plural(len(links), 'connection')}) for Gephi, yEd, Cytoscape or networkx",
            ),
            download("graph.gexf", "the same network in Gephi's own format"),
            download("site.json", "all of the above, and the articles, in one JSON file"),
        ]
        context = {
            "front_matter": front_matter({"title": "Data", "explainer": "data"}),
            "files": files,
            "feed": md_link("Atom feed of the newest articles", SITE_FEED, PATH),
        }
        return Page(PATH, render_template("data.md.j2", context))
