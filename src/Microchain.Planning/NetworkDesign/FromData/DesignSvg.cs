using System.Globalization;
using System.Text;

namespace Microchain.Planning.NetworkDesign.FromData;

/// <summary>A map of a design as SVG: demand (circles by volume), who serves it (lines), sites (squares; filled = open).</summary>
public static class DesignSvg
{
    private const double Size = 800, Margin = 40;

    public static string Render(DesignResult design, string title)
    {
        var lats = design.DemandPoints.Select(p => p.Location.Lat).Concat(design.Sites.Select(s => s.Location.Lat)).ToArray();
        var lons = design.DemandPoints.Select(p => p.Location.Lon).Concat(design.Sites.Select(s => s.Location.Lon)).ToArray();
        var cosLat = Math.Cos(lats.Average() * Math.PI / 180);
        double minX = lons.Min() * cosLat, maxX = lons.Max() * cosLat, minY = lats.Min(), maxY = lats.Max();
        var scale = (Size - (2 * Margin)) / Math.Max(1e-9, Math.Max(maxX - minX, maxY - minY));
        (double X, double Y) Project(Domain.Geo.GeoPoint p) => (Margin + ((p.Lon * cosLat) - minX) * scale, Size - Margin - ((p.Lat - minY) * scale));
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Size}\" height=\"{Size + 60}\" viewBox=\"0 0 {Size} {Size + 60}\" font-family=\"sans-serif\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        var points = design.DemandPoints.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var sites = design.Sites.ToDictionary(s => s.Id, StringComparer.Ordinal);
        svg.Append("<g stroke=\"#9aa5b1\" stroke-width=\"0.6\" opacity=\"0.7\">\n");
        foreach (var a in design.Assignments)
        {
            var (x1, y1) = Project(points[a.DemandPointId].Location);
            var (x2, y2) = Project(sites[a.SiteId].Location);
            svg.Append($"<line x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\"/>\n");
        }
        svg.Append("</g>\n<g fill=\"#e4572e\" fill-opacity=\"0.55\">\n");
        var maxWeight = design.DemandPoints.Max(p => p.OrdersPerWeek);
        foreach (var p in design.DemandPoints)
        {
            var (x, y) = Project(p.Location);
            svg.Append($"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(1.5 + (6 * Math.Sqrt(p.OrdersPerWeek / maxWeight)))}\"/>\n");
        }
        svg.Append("</g>\n");
        foreach (var s in design.Sites)
        {
            var (x, y) = Project(s.Location);
            var fill = s.Open ? (s.Existing ? "#1d4ed8" : "#f59e0b") : "none";
            svg.Append($"<rect x=\"{F(x - 7)}\" y=\"{F(y - 7)}\" width=\"14\" height=\"14\" fill=\"{fill}\" stroke=\"#111827\" stroke-width=\"1.5\"><title>{Escape(s.Id)}</title></rect>\n");
            svg.Append($"<text x=\"{F(x + 9)}\" y=\"{F(y - 9)}\" font-size=\"11\" fill=\"#111827\">{Escape(s.Id)}</text>\n");
        }
        var open = design.Sites.Count(s => s.Open);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"{Size + 20}\" font-size=\"14\">{Escape(title)}: {open} open of {design.Sites.Count} candidates, cost {design.Cost.TotalCents / 100.0:N0}, within promise {design.ShareWithinPromise:P1}, gap {design.Gap:P2}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"{Size + 42}\" font-size=\"12\" fill=\"#4b5563\">■ open existing (blue) ■ open new (amber) □ closed · ● demand by volume · lines: assignments</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
