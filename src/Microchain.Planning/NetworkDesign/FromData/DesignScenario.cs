using Microchain.Domain.Network;

namespace Microchain.Planning.NetworkDesign.FromData;

/// <summary>
/// A design as a network the digital twin can run: chosen new sites become open MFCs (built like a typical MFC of
/// the network), existing candidates the design leaves shut are closing (or dropped, if only planned).
/// </summary>
public static class DesignScenario
{
    public static NetworkModel Apply(NetworkModel network, DesignResult design)
    {
        var decided = design.Sites.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var nodes = network.Nodes.Select(n =>
        {
            if (!decided.TryGetValue(n.Id, out var site)) return n;
            return (site.Open, n.Lifecycle) switch
            {
                (true, NodeLifecycle.Planned or NodeLifecycle.Closing) => n.MoveTo(NodeLifecycle.Open),
                (false, NodeLifecycle.Open) => n.MoveTo(NodeLifecycle.Closing),
                (false, NodeLifecycle.Planned) => n.MoveTo(NodeLifecycle.Closed),
                _ => n,
            };
        }).ToList();
        var template = network.Nodes.Where(n => n.Kind == NodeKind.Mfc).OrderBy(n => n.PickCapacityPerHour).ThenBy(n => n.Id, StringComparer.Ordinal).ToArray();
        foreach (var site in design.Sites.Where(s => s.Open && !s.Existing))
        {
            var typical = template.Length > 0 ? template[template.Length / 2] : null;
            nodes.Add(new Node
            {
                Id = site.Id,
                Name = $"New MFC {site.Id}",
                Kind = NodeKind.Mfc,
                Location = site.Location,
                Storage = typical?.Storage ?? new StorageCapacity(60_000, 20_000, 10_000, 3_000),
                PickCapacityPerHour = typical?.PickCapacityPerHour ?? 400,
                Hours = typical?.Hours ?? OperatingHours.AllDay,
                Costs = typical?.Costs ?? default,
                ServiceRadiusMinutes = typical?.ServiceRadiusMinutes ?? 30,
                Lifecycle = NodeLifecycle.Open,
            });
        }
        return network with { Name = network.Name + " (designed)", Nodes = nodes };
    }
}
