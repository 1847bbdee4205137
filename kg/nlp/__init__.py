"""Natural-language processing: a spaCy pipeline with one component per concern.

``layout`` (page furniture and publisher lines) → ``actor_ruler`` → ``place_ruler`` →
``new_actors`` → ``event_triggers`` → ``attribution`` (reporting sources and quotes) →
``event_roles`` (one :class:`~kg.nlp.event_mention.EventMention` per trigger).
:func:`kg.nlp.pipeline.load_pipeline` assembles them on top of an English model.

The event readers, one concern each: ``event_mention`` (the records and the per-doc
index), ``event_args`` (agent, target, place, date from the parse), ``event_modality``
(modality and the number killed), ``event_type`` (every type rewrite, from
``data/event_type_rules.yaml``), ``event_coref`` (mentions of one event merged into an
``EventGroup``), ``event_filter`` (what tells no event; summaries).
"""
