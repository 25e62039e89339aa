namespace Microchain.Bench;

/// <summary>Finds the public benchmark instances in <c>../shared/data</c> beside the repository.</summary>
public static class SharedData
{
    /// <summary>Overrides the search with an explicit folder.</summary>
    public const string EnvironmentVariable = "MICROCHAIN_SHARED_DATA";

    /// <summary>The data folder, or null when no <c>shared/data</c> is found beside the repository.</summary>
    public static string? Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
            return Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>The folder of one data set (e.g. <c>solomon</c>), or null with <paramref name="skipReason"/> set.</summary>
    public static string? Folder(string name, out string skipReason)
    {
        var root = Locate();
        if (root is null)
        {
            skipReason = $"skipped: no ../shared/data beside the repository (set {EnvironmentVariable} to its path)";
            return null;
        }
        var folder = Path.Combine(root, name);
        if (!Directory.Exists(folder))
        {
            skipReason = $"skipped: {folder} does not exist";
            return null;
        }
        skipReason = "";
        return folder;
    }
}
