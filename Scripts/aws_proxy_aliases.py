"""What real Lambda checks about an alias's weights (`RoutingConfig.AdditionalVersionWeights`)
and moto does not: at most one additional version, a weight between 0 and 1, never `$LATEST`
(neither as the weighted version nor as the alias's own), both versions published, and both
with the same execution role and dead-letter config. Versions are remembered from moto's
PublishVersion answers (after the settings emulation put DeadLetterConfig back).

All methods are called with the proxy's state lock held.
"""


def _invalid(message):
    return 400, "InvalidParameterValueException", message


class AliasEmulation:
    """Published versions' role and dead-letter target, and each alias's version."""

    def __init__(self):
        self.versions = {}
        self.aliases = {}

    def reset(self):
        self.versions.clear()
        self.aliases.clear()

    def note_version(self, name, doc):
        """Records a PublishVersion answer."""
        version = str(doc.get("Version") or "")
        if name and version and version != "$LATEST":
            dlq = (doc.get("DeadLetterConfig") or {}).get("TargetArn") or ""
            self.versions.setdefault(name, {})[version] = (doc.get("Role") or "", dlq)

    def note_alias(self, name, alias, doc):
        """Records a CreateAlias / UpdateAlias / GetAlias answer."""
        if name and alias and doc.get("FunctionVersion"):
            self.aliases.setdefault(name, {})[alias] = doc["FunctionVersion"]

    def forget(self, name):
        self.versions.pop(name, None)
        self.aliases.pop(name, None)

    def check(self, name, alias, doc):
        """A refusal (status, code, message) for a CreateAlias / UpdateAlias body, or None."""
        routing = doc.get("RoutingConfig")
        if not isinstance(routing, dict):
            return None
        weights = routing.get("AdditionalVersionWeights") or {}
        if not isinstance(weights, dict):
            return 400, "ValidationException", "AdditionalVersionWeights must be a map of version to weight"
        if not weights:
            return None
        if len(weights) > 1:
            return _invalid("Number of items in AdditionalVersionWeights cannot be greater than 1")
        (other, weight), = weights.items()
        if not isinstance(weight, (int, float)) or not 0.0 <= float(weight) <= 1.0:
            return 400, "ValidationException", (
                f"1 validation error detected: Value '{weight}' at 'routingConfig.additionalVersionWeights' "
                "failed to satisfy constraint: Member must have value less than or equal to 1.0")
        primary = doc.get("FunctionVersion") or self.aliases.get(name, {}).get(alias)
        if "$LATEST" in (other, primary):
            return _invalid("$LATEST is not supported for an alias pointing to more than 1 version")
        if other == primary:
            return _invalid(f"Alias cannot point to the same version {other} with weights")
        known = self.versions.get(name, {})
        if other not in known:
            return 404, "ResourceNotFoundException", f"Function not found: {name}:{other}"
        if primary in known and known[primary][0] != known[other][0]:
            return _invalid("The function versions should have the same role for the alias to point to them")
        if primary in known and known[primary][1] != known[other][1]:
            return _invalid("The function versions should have the same DeadLetterConfig for the alias to point to them")
        return None
