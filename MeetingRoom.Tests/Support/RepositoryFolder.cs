namespace MeetingRoom.Tests.Support;

/// <summary>
/// The repository the tests run from: the folder holding <c>MeetingRoom.sln</c>, found by walking up from the test
/// output (<see cref="AppContext.BaseDirectory"/>), and the folders in it the tests read.
/// </summary>
public static class RepositoryFolder
{
    private static readonly string? Found = Find();

    /// <summary>The folder holding <c>MeetingRoom.sln</c>.</summary>
    /// <exception cref="InvalidOperationException">No folder above the test output holds <c>MeetingRoom.sln</c>.</exception>
    public static string Root => Found ?? throw new InvalidOperationException("MeetingRoom.sln not found above " + AppContext.BaseDirectory);

    /// <summary>The folder holding <c>MeetingRoom.sln</c>, or null when the tests run outside the repository.</summary>
    public static string? RootOrNull => Found;

    /// <summary><c>MeetingRoom.Web</c>, the app's project folder.</summary>
    public static string Web => Path.Combine(Root, "MeetingRoom.Web");

    /// <summary><c>MeetingRoom.Tests/node</c>: the node-based tools of the tests (installed there by <c>npm ci</c>; ./test.sh does it).</summary>
    public static string Node => Path.Combine(Root, "MeetingRoom.Tests", "node");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MeetingRoom.sln"))) return dir.FullName;
        return null;
    }
}
