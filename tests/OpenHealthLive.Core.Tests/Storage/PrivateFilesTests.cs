using OpenHealthLive.Core.Storage;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Storage;

public sealed class PrivateFilesTests : IDisposable
{
    private const UnixFileMode Open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode OpenDirectory = PrivateFiles.DirectoryMode | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_folder_shared_with_other_files_keeps_its_mode_but_the_apps_own_files_are_tightened_and_the_folder_is_reported()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var own = _temp.WriteFile("openhealthlive.db", "");
        var other = _temp.WriteFile("someone-elses.txt", "");
        File.SetUnixFileMode(own, Open);
        File.SetUnixFileMode(other, Open);
        File.SetUnixFileMode(_temp.FullPath, OpenDirectory);

        var problems = PrivateFiles.Tighten(_temp.FullPath, SqliteStorage.FileNames.ToList());

        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(own));
        Assert.Equal(Open, File.GetUnixFileMode(other));
        Assert.Equal(OpenDirectory, File.GetUnixFileMode(_temp.FullPath));
        var problem = Assert.Single(problems);
        Assert.Contains("someone-elses.txt", problem, StringComparison.Ordinal);
        Assert.Contains("0755", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_holding_only_the_apps_files_is_made_owner_only_with_them()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var database = _temp.WriteFile("openhealthlive.db", "");
        var log = _temp.WriteFile("openhealthlive.db-wal", "");
        File.SetUnixFileMode(database, Open);
        File.SetUnixFileMode(log, Open);
        File.SetUnixFileMode(_temp.FullPath, OpenDirectory);

        var problems = PrivateFiles.Tighten(_temp.FullPath, SqliteStorage.FileNames.ToList());

        Assert.Empty(problems);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(database));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(log));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_temp.FullPath));
    }

    [Fact]
    public void An_owner_only_folder_shared_with_other_files_is_nothing_to_report()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _temp.WriteFile("openhealthlive.db", "");
        _temp.WriteFile("notes.txt", "");
        File.SetUnixFileMode(_temp.FullPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Empty(PrivateFiles.Tighten(_temp.FullPath, SqliteStorage.FileNames.ToList()));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void The_report_on_a_shared_folder_names_at_most_five_of_the_other_files(int others, bool more)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string[] created = [.. "abcdef"[..others].Select(name => $"{name}.txt")];
        foreach (var name in created)
        {
            _temp.WriteFile(name, "");
        }

        File.SetUnixFileMode(_temp.FullPath, OpenDirectory);

        var problem = Assert.Single(PrivateFiles.Tighten(_temp.FullPath, SqliteStorage.FileNames.ToList()));

        const string Holds = " and also holds ", Left = ", so it is left as it is: give the app a folder of its own, or chmod 700 it";
        Assert.StartsWith($"the folder {_temp.FullPath} is 0755{Holds}", problem, StringComparison.Ordinal);
        Assert.EndsWith(Left, problem, StringComparison.Ordinal);
        var listed = problem[(problem.IndexOf(Holds, StringComparison.Ordinal) + Holds.Length)..^Left.Length].Split(", ");
        // Which five is up to the order the file system lists them in.
        Assert.Equal(more ? 6 : 5, listed.Length);
        Assert.Equal(more, listed[^1] == "…");
        var names = more ? listed[..^1] : listed;
        Assert.Equal(5, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Contains(name, created));
    }

    [Fact]
    public void A_folder_that_does_not_exist_has_nothing_to_tighten()
    {
        Assert.Empty(PrivateFiles.Tighten(_temp.Combine("not-there"), SqliteStorage.FileNames.ToList()));
        Assert.False(Directory.Exists(_temp.Combine("not-there")));
    }

    [Fact]
    public void A_folder_it_creates_and_an_empty_file_it_creates_are_owner_only_from_the_start()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = _temp.Combine("data/nested");
        PrivateFiles.CreateDirectory(folder);
        var file = Path.Combine(folder, "openhealthlive.db");
        PrivateFiles.CreateFile(file);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.True(File.Exists(file));
        Assert.Equal(0, new FileInfo(file).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void Creating_a_file_that_exists_already_leaves_it_as_it_is()
    {
        var path = _temp.WriteFile("openhealthlive.db", "kept");

        PrivateFiles.CreateFile(path);

        Assert.Equal("kept", File.ReadAllText(path));
    }

    [Fact]
    public void A_file_written_over_an_open_one_is_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = _temp.WriteFile("presenter-key.sha256", "old");
        File.SetUnixFileMode(path, Open);

        PrivateFiles.WriteAllText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(path));
    }
}
