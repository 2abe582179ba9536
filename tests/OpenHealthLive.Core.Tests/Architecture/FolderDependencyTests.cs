using OpenHealthLive.Core.Sessions;
using Xunit.Abstractions;

namespace OpenHealthLive.Core.Tests.Architecture;

public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    [Fact]
    public void No_folder_of_Core_depends_on_a_folder_that_depends_back_on_it()
    {
        var graph = new FolderDependencies(typeof(LiveSessionService).Assembly);
        foreach (var (from, targets) in graph.Edges)
        {
            output.WriteLine($"{from} → {string.Join(", ", targets.Keys)}");
        }

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, $"Folder cycles in OpenHealthLive.Core:\n{string.Join("\n", cycles)}");
    }

    [Fact]
    public void The_folder_graph_sees_a_dependency_named_only_in_a_method_body()
    {
        // Guards the reader itself: Core's Questions service calls the Sessions folder from method bodies.
        var edges = new FolderDependencies(typeof(LiveSessionService).Assembly).Edges;

        Assert.Contains("Sessions", edges["Questions"].Keys);
    }
}
