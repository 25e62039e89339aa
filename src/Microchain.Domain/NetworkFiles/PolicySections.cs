using System.Globalization;
using Microchain.Domain.Network;
using Microchain.Domain.Validation;

namespace Microchain.Domain.NetworkFiles;

/// <summary>
/// The <c>orderRules</c> and <c>sourcing</c> sections of a network file: read strictly like the entity lists, then
/// checked with the domain's own <see cref="OrderRules.Check"/> and <see cref="SourcingPolicy.Check"/>.
/// </summary>
internal static class PolicySections
{
    private const string RulesPath = "$.orderRules";
    private const string SourcingPath = "$.sourcing";

    public static OrderRulesDto? ReadOrderRules(JsonFields root, ErrorSink errors)
    {
        if (root.OptionalObject("orderRules") is not { } f) return null;
        var before = errors.Count;
        var d = OrderRules.Default;
        var dto = new OrderRulesDto(
            f.Int("maxLines", d.MaxLines), f.Int("maxQuantityPerLine", d.MaxQuantityPerLine),
            f.Long("minOrderValueCents", d.MinOrderValueCents), f.Long("maxOrderValueCents", d.MaxOrderValueCents),
            f.Bool("frozenWithAmbientAllowed", d.FrozenWithAmbientAllowed), f.Bool("zoneStorageRequired", d.ZoneStorageRequired),
            f.Int("minLeadMinutes", d.MinLeadMinutes), f.Int("maxAdvanceDays", d.MaxAdvanceDays), f.Int("maxWindowMinutes", d.MaxWindowMinutes),
            f.Bool("windowRequired", d.WindowRequired), FormatOffset(d.LocalUtcOffset));
        if (f.OptionalText("localUtcOffset") is { } offset)
        {
            if (TryParseOffset(offset, out _)) dto = dto with { LocalUtcOffset = offset };
            else errors.Add(f.At("localUtcOffset"), $"must be a UTC offset \"+HH:mm\" or \"-HH:mm\", found \"{JsonPath.Describe(offset)}\"");
        }
        f.Finish();
        return errors.Count == before ? dto : null;
    }

    public static SourcingDto? ReadSourcing(JsonFields root, ErrorSink errors)
    {
        if (root.OptionalObject("sourcing") is not { } f) return null;
        var before = errors.Count;
        var strategy = f.OptionalText("strategy") ?? SourcingPolicy.Default.Strategy;
        var weights = ToDto(SourcingWeights.Default);
        if (f.OptionalObject("weights") is { } w)
        {
            weights = ReadWeights(w, weights);
            w.Finish();
        }
        var segments = new List<SegmentWeightsDto>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var elements = f.Array("segmentWeights", NetworkFileLimits.MaxSegments);
        for (var i = 0; i < elements.Count; i++)
        {
            if (JsonFields.Open(elements[i], JsonPath.Index(f.At("segmentWeights"), i), errors) is not { } s) continue;
            var id = s.RequiredText("segmentId");
            var own = ReadWeights(s, weights);
            s.Finish();
            if (!seen.Add(id)) errors.Add(s.At("segmentId"), $"segment '{JsonPath.Describe(id)}' has weights more than once");
            segments.Add(new SegmentWeightsDto(id, own.LastMileCentsPerKm, own.LastMileCentsPerStop, own.SplitPenaltyCents,
                own.LoadPenaltyCentsPerUnit, own.StockBalancePenaltyCentsPerUnit, own.TargetDaysOfCover, own.MaxNodesPerOrder));
        }
        f.Finish();
        return errors.Count == before ? new SourcingDto(strategy, weights, segments) : null;
    }

    private static WeightsDto ReadWeights(JsonFields f, WeightsDto fallback) => new(
        f.Long("lastMileCentsPerKm", fallback.LastMileCentsPerKm), f.Long("lastMileCentsPerStop", fallback.LastMileCentsPerStop),
        f.Long("splitPenaltyCents", fallback.SplitPenaltyCents), f.Long("loadPenaltyCentsPerUnit", fallback.LoadPenaltyCentsPerUnit),
        f.Long("stockBalancePenaltyCentsPerUnit", fallback.StockBalancePenaltyCentsPerUnit),
        f.Double("targetDaysOfCover", fallback.TargetDaysOfCover), f.Int("maxNodesPerOrder", fallback.MaxNodesPerOrder));

    public static OrderRules ToOrderRules(OrderRulesDto? d, ErrorSink errors)
    {
        if (d is null) return OrderRules.Default;
        // The reader refused a malformed offset, so this parse succeeds.
        var offset = TryParseOffset(d.LocalUtcOffset, out var parsed) ? parsed : throw new InvalidOperationException("unchecked offset");
        var rules = new OrderRules
        {
            MaxLines = d.MaxLines, MaxQuantityPerLine = d.MaxQuantityPerLine, MinOrderValueCents = d.MinOrderValueCents,
            MaxOrderValueCents = d.MaxOrderValueCents, FrozenWithAmbientAllowed = d.FrozenWithAmbientAllowed,
            ZoneStorageRequired = d.ZoneStorageRequired, MinLeadMinutes = d.MinLeadMinutes, MaxAdvanceDays = d.MaxAdvanceDays,
            MaxWindowMinutes = d.MaxWindowMinutes, WindowRequired = d.WindowRequired, LocalUtcOffset = offset,
        };
        try
        {
            rules.Check();
        }
        catch (DomainException ex)
        {
            var field = ex.Code switch
            {
                "rules.max_lines" => "maxLines",
                "rules.max_quantity" => "maxQuantityPerLine",
                "rules.order_value" => rules.MinOrderValueCents < 0 ? "minOrderValueCents" : "maxOrderValueCents",
                "rules.min_lead" => "minLeadMinutes",
                "rules.max_advance" => "maxAdvanceDays",
                "rules.max_window" => "maxWindowMinutes",
                "rules.utc_offset" => "localUtcOffset",
                _ => null,
            };
            errors.Add(field is null ? RulesPath : $"{RulesPath}.{field}", ex.Message);
        }
        return rules;
    }

    public static SourcingPolicy ToSourcingPolicy(SourcingDto? d, HashSet<string> declaredSegments, ErrorSink errors)
    {
        if (d is null) return SourcingPolicy.Default;
        if (!SourcingPolicy.Strategies.Contains(d.Strategy, StringComparer.Ordinal))
            errors.Add($"{SourcingPath}.strategy", $"must be one of {string.Join(", ", SourcingPolicy.Strategies)}; found \"{JsonPath.Describe(d.Strategy)}\"");
        var weights = ToWeights(d.Weights, $"{SourcingPath}.weights", "weights", errors);
        var bySegment = new Dictionary<string, SourcingWeights>(StringComparer.Ordinal);
        for (var i = 0; i < d.SegmentWeights.Count; i++)
        {
            var s = d.SegmentWeights[i];
            var path = $"{SourcingPath}.segmentWeights[{i}]";
            if (!declaredSegments.Contains(s.SegmentId)) errors.Add($"{path}.segmentId", $"refers to unknown segment '{JsonPath.Describe(s.SegmentId)}'");
            bySegment[s.SegmentId] = ToWeights(s.ToWeights(), path, $"weights of segment {s.SegmentId}", errors);
        }
        return new SourcingPolicy { Strategy = d.Strategy, Weights = weights, WeightsBySegment = bySegment };
    }

    private static SourcingWeights ToWeights(WeightsDto d, string path, string what, ErrorSink errors)
    {
        var weights = new SourcingWeights
        {
            LastMileCentsPerKm = d.LastMileCentsPerKm, LastMileCentsPerStop = d.LastMileCentsPerStop, SplitPenaltyCents = d.SplitPenaltyCents,
            LoadPenaltyCentsPerUnit = d.LoadPenaltyCentsPerUnit, StockBalancePenaltyCentsPerUnit = d.StockBalancePenaltyCentsPerUnit,
            TargetDaysOfCover = d.TargetDaysOfCover, MaxNodesPerOrder = d.MaxNodesPerOrder,
        };
        try
        {
            weights.Check(what);
        }
        catch (DomainException ex)
        {
            var field = ex.Code switch
            {
                "sourcing.days_of_cover" => "targetDaysOfCover",
                "sourcing.max_nodes" => "maxNodesPerOrder",
                _ => d.LastMileCentsPerKm < 0 ? "lastMileCentsPerKm" : d.LastMileCentsPerStop < 0 ? "lastMileCentsPerStop"
                    : d.SplitPenaltyCents < 0 ? "splitPenaltyCents" : d.LoadPenaltyCentsPerUnit < 0 ? "loadPenaltyCentsPerUnit" : "stockBalancePenaltyCentsPerUnit",
            };
            errors.Add($"{path}.{field}", ex.Message);
        }
        return weights;
    }

    public static OrderRulesDto ToDto(OrderRules r) => new(
        r.MaxLines, r.MaxQuantityPerLine, r.MinOrderValueCents, r.MaxOrderValueCents, r.FrozenWithAmbientAllowed,
        r.ZoneStorageRequired, r.MinLeadMinutes, r.MaxAdvanceDays, r.MaxWindowMinutes, r.WindowRequired, FormatOffset(r.LocalUtcOffset));

    public static SourcingDto ToDto(SourcingPolicy p) => new(
        p.Strategy, ToDto(p.Weights),
        [.. p.WeightsBySegment.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new SegmentWeightsDto(
            s.Key, s.Value.LastMileCentsPerKm, s.Value.LastMileCentsPerStop, s.Value.SplitPenaltyCents, s.Value.LoadPenaltyCentsPerUnit,
            s.Value.StockBalancePenaltyCentsPerUnit, s.Value.TargetDaysOfCover, s.Value.MaxNodesPerOrder))]);

    private static WeightsDto ToDto(SourcingWeights w) => new(
        w.LastMileCentsPerKm, w.LastMileCentsPerStop, w.SplitPenaltyCents, w.LoadPenaltyCentsPerUnit,
        w.StockBalancePenaltyCentsPerUnit, w.TargetDaysOfCover, w.MaxNodesPerOrder);

    /// <summary>"+02:00", "-05:30"; whole minutes (an offset's seconds are not written).</summary>
    public static string FormatOffset(TimeSpan offset)
    {
        var magnitude = offset.Duration();
        return $"{(offset < TimeSpan.Zero ? '-' : '+')}{(int)magnitude.TotalHours:00}:{magnitude.Minutes:00}";
    }

    public static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = default;
        if (text.Length != 6 || text[0] is not ('+' or '-') || text[3] != ':') return false;
        if (!int.TryParse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes > 59) return false;
        offset = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
        return true;
    }
}
