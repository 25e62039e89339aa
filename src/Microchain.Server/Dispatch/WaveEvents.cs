using System.Text.Json.Serialization;
using Microchain.Planning.Routing;
using Microchain.Server.Routing;

namespace Microchain.Server.Dispatch;

/// <summary>What a wave's journal stream ("wave/tenant/node/waveId") holds: its plan, then one report per stop.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(WavePlanned), "wave-planned")]
[JsonDerivedType(typeof(StopReported), "stop-reported")]
public interface IWaveEvent
{
    DateTimeOffset At { get; }
}

/// <summary>
/// A planned wave: per vehicle kind the routing request (times in seconds after <paramref name="Origin"/>) and the
/// solver's solution, the numbered stops with their orders and ETAs, and the orders left for the next wave.
/// </summary>
public sealed record WavePlanned(
    string NodeId,
    string WaveId,
    string Trigger,
    DateTimeOffset Slot,
    DateTimeOffset Origin,
    IReadOnlyList<WaveLeg> Legs,
    IReadOnlyList<PlannedStop> Stops,
    IReadOnlyList<LeftOrder> Left,
    long ComputingMs,
    DateTimeOffset At) : IWaveEvent;

/// <summary>One vehicle kind's share of a wave: what the solver was asked and what it answered.</summary>
public sealed record WaveLeg(string Kind, RouteRequest Request, RoutingSolution Solution);

/// <summary>
/// A numbered stop of a wave (numbers run over the whole wave, route by route): one customer order, or a locker with
/// every order the wave brings it.
/// </summary>
public sealed record PlannedStop(
    int Stop,
    string VehicleId,
    int Sequence,
    string JobId,
    IReadOnlyList<string> OrderIds,
    string? LockerId,
    int? LockerCompartments,
    double Lat,
    double Lon,
    DateTimeOffset Arrival,
    DateTimeOffset EtaStart,
    DateTimeOffset EtaEnd);

/// <summary>An order the wave could not take, and why; it stays picked for the next wave.</summary>
public sealed record LeftOrder(string OrderId, string Reason);

/// <summary>A courier's report of one stop; <paramref name="Redirected"/> lists orders re-routed to a locker (order → locker).</summary>
public sealed record StopReported(int Stop, string Outcome, string? Reason, IReadOnlyDictionary<string, string> Redirected, DateTimeOffset At) : IWaveEvent;

/// <summary>One line of a node's wave list (stream "waves/tenant/node").</summary>
public sealed record WaveListed(string WaveId, string Trigger, DateTimeOffset Slot, DateTimeOffset At, int Orders, int Left);

/// <summary>Why an order is left for the next wave, besides the solver's own <see cref="UnassignedReason"/> codes.</summary>
public static class LeftReason
{
    public const string LockerFull = "locker_full";
    public const string NoVehicleOnShift = "no_vehicle_on_shift";
    public const string WaveFull = "wave_full";
    public const string UnknownLocker = "unknown_locker";
}
