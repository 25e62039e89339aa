using System.Text.Json;
using Microchain.Domain.Network;

namespace Microchain.Domain.NetworkFiles;

/// <summary>The replenishment runs: local run times, intra-day interval and policy parameters; every field optional.</summary>
public sealed record ReplenishmentDto(
    IReadOnlyList<TimeOnly> RunTimes, int IntraDayIntervalMinutes, TimeOnly IntraDayFrom, TimeOnly IntraDayTo,
    int TransferLeadTimeDays, int ReviewPeriodDays, double TargetCoverDays, int DcReviewPeriodDays, double DcTargetCoverDays,
    int HistoryDays, SegmentServiceRule SegmentRule);

/// <summary>
/// The <c>replenishment</c> section of a network file: read strictly like <c>orderRules</c> and <c>sourcing</c>,
/// then checked with <see cref="ReplenishmentSettings.Check"/>.
/// </summary>
internal static class ReplenishmentSection
{
    private const string Path = "$.replenishment";

    public static ReplenishmentDto? Read(JsonFields root, ErrorSink errors)
    {
        if (root.OptionalObject("replenishment") is not { } f) return null;
        var before = errors.Count;
        var d = ReplenishmentSettings.Default;
        var times = new List<TimeOnly>();
        var elements = f.Array("runTimes", ReplenishmentSettings.MaxRunTimes);
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i].ValueKind == JsonValueKind.String && TimeText.TryParse(elements[i].GetString()!, out var t)) times.Add(t);
            else errors.Add(JsonPath.Index(f.At("runTimes"), i), "must be a time of day \"HH:mm\"");
        }
        var dto = new ReplenishmentDto(
            f.Raw("runTimes") is null ? d.RunTimes : times, f.Int("intraDayIntervalMinutes", d.IntraDayIntervalMinutes),
            f.Time("intraDayFrom", d.IntraDayFrom), f.Time("intraDayTo", d.IntraDayTo),
            f.Int("transferLeadTimeDays", d.TransferLeadTimeDays), f.Int("reviewPeriodDays", d.ReviewPeriodDays),
            f.Double("targetCoverDays", d.TargetCoverDays), f.Int("dcReviewPeriodDays", d.DcReviewPeriodDays),
            f.Double("dcTargetCoverDays", d.DcTargetCoverDays), f.Int("historyDays", d.HistoryDays),
            f.Enum("segmentRule", d.SegmentRule));
        f.Finish();
        return errors.Count == before ? dto : null;
    }

    public static ReplenishmentSettings ToSettings(ReplenishmentDto? d, ErrorSink errors)
    {
        if (d is null) return ReplenishmentSettings.Default;
        var settings = new ReplenishmentSettings
        {
            RunTimes = d.RunTimes, IntraDayIntervalMinutes = d.IntraDayIntervalMinutes, IntraDayFrom = d.IntraDayFrom, IntraDayTo = d.IntraDayTo,
            TransferLeadTimeDays = d.TransferLeadTimeDays, ReviewPeriodDays = d.ReviewPeriodDays, TargetCoverDays = d.TargetCoverDays,
            DcReviewPeriodDays = d.DcReviewPeriodDays, DcTargetCoverDays = d.DcTargetCoverDays, HistoryDays = d.HistoryDays, SegmentRule = d.SegmentRule,
        };
        try
        {
            settings.Check();
        }
        catch (DomainException ex)
        {
            var field = ex.Code switch
            {
                "replenishment.run_times" => "runTimes",
                "replenishment.intra_day_interval" => "intraDayIntervalMinutes",
                "replenishment.intra_day_window" => "intraDayFrom",
                "replenishment.transfer_lead_time" => "transferLeadTimeDays",
                "replenishment.review_period" => "reviewPeriodDays",
                "replenishment.target_cover" => "targetCoverDays",
                "replenishment.dc_review_period" => "dcReviewPeriodDays",
                "replenishment.dc_target_cover" => "dcTargetCoverDays",
                "replenishment.history_days" => "historyDays",
                _ => null,
            };
            errors.Add(field is null ? Path : $"{Path}.{field}", ex.Message);
        }
        return settings;
    }

    public static ReplenishmentDto ToDto(ReplenishmentSettings s) => new(
        [.. s.RunTimes], s.IntraDayIntervalMinutes, s.IntraDayFrom, s.IntraDayTo, s.TransferLeadTimeDays, s.ReviewPeriodDays,
        s.TargetCoverDays, s.DcReviewPeriodDays, s.DcTargetCoverDays, s.HistoryDays, s.SegmentRule);
}
