using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;

namespace OpenHealthLive.Core.Tests.Architecture;

/// <summary>
/// The folder-level dependency graph of one compiled project, read from what the compiler resolved rather than from
/// the source text: a folder is the first namespace segment under the assembly's name (namespaces match folders,
/// IDE0130 enforces it), and a type depends on every type it names in its base type, interfaces, attributes,
/// members' signatures, local variables and method bodies (every type, method and field token in the IL). Lambdas,
/// iterators, async state machines and source-generated members compile to nested types or partials of the type
/// that holds them, so they count for that type's folder. Reading IL sees what a `using` scan cannot: names reached
/// through a parent namespace, partially qualified names and `var`. Compiled Razor views are placed in the folder of
/// their .cshtml file. The project's root namespace (its setup and Program) composes every folder and is no folder.
/// IL does not show constants (the compiler copies their values) nor names used only in XML docs, so the source is
/// read too: each <c>using OpenHealthLive.X.Folder</c> and fully qualified <c>OpenHealthLive.X.Folder.</c> in the
/// project's .cs and .cshtml files (an unused <c>using</c> fails the build, IDE0005, so each one is a real use).
/// </summary>
/// <remarks>Shared by the Core and Web test projects (linked into the Web one).</remarks>
internal sealed class FolderDependencies
{
    private static readonly OpCode[] OneByte = new OpCode[256];
    private static readonly OpCode[] TwoByte = new OpCode[256];

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    static FolderDependencies()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            var value = (ushort)code.Value;
            if (value < 0x100)
            {
                OneByte[value] = code;
            }
            else if ((value & 0xff00) == 0xfe00)
            {
                TwoByte[value & 0xff] = code;
            }
        }
    }

    private readonly Assembly _assembly;
    private readonly string _root;
    private readonly Dictionary<Type, string> _razorFolders = [];

    /// <summary>Folder → folder it uses → one example "FromType → ToType" that makes the edge.</summary>
    public SortedDictionary<string, SortedDictionary<string, string>> Edges { get; } = new(StringComparer.Ordinal);

    public FolderDependencies(Assembly assembly)
    {
        _assembly = assembly;
        _root = assembly.GetName().Name!;
        foreach (var attribute in assembly.GetCustomAttributesData())
        {
            // RazorCompiledItemAttribute(Type type, string kind, string identifier), read by name so that this file
            // also compiles where ASP.NET Core is not referenced.
            if (attribute.AttributeType.Name == "RazorCompiledItemAttribute"
                && attribute.ConstructorArguments is [{ Value: Type view }, _, { Value: string identifier }])
            {
                var segments = identifier.Split('/', StringSplitOptions.RemoveEmptyEntries);
                if (segments.Length > 1)
                {
                    _razorFolders[view] = segments[0];
                }
            }
        }

        ReadSource();
        foreach (var type in assembly.GetTypes())
        {
            var from = FolderOf(type);
            if (from is null)
            {
                continue;
            }

            foreach (var used in UsedTypes(type))
            {
                var to = FolderOf(used);
                if (to is not null && to != from)
                {
                    if (!Edges.TryGetValue(from, out var targets))
                    {
                        Edges[from] = targets = new(StringComparer.Ordinal);
                    }

                    targets.TryAdd(to, $"{Describe(type)} → {Describe(used)}");
                }
            }
        }
    }

    private void ReadSource()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "src", _root)))
        {
            directory = directory.Parent;
        }

        var project = directory is null ? null : Path.Combine(directory.FullName, "src", _root);
        if (project is null)
        {
            throw new InvalidOperationException($"The source of {_root} was not found above {AppContext.BaseDirectory}.");
        }

        var reference = new Regex(@"^\s*(?:@using|using|global using)\s+(?:static\s+)?" + Regex.Escape(_root) + @"\.(\w+)|(?<![\w.])" + Regex.Escape(_root) + @"\.(\w+)\.\w");
        var files = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(project, "*.cshtml", SearchOption.AllDirectories));
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(project, file).Split(Path.DirectorySeparatorChar);
            if (relative.Length < 2 || relative[0] is "bin" or "obj")
            {
                continue;
            }

            var from = relative[0];
            foreach (var line in File.ReadLines(file))
            {
                if (line.TrimStart().StartsWith("namespace ", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match match in reference.Matches(line))
                {
                    var to = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
                    if (to != from)
                    {
                        if (!Edges.TryGetValue(from, out var targets))
                        {
                            Edges[from] = targets = new(StringComparer.Ordinal);
                        }

                        targets.TryAdd(to, $"{string.Join('/', relative)}: {line.Trim()}");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Each cycle: the folders that reach one another (a strongly connected component of the graph), then each edge
    /// between two of them with the example that makes it; a pair that uses each other directly is marked ↔.
    /// </summary>
    public IReadOnlyList<string> Cycles()
    {
        var reach = Edges.Keys.ToDictionary(folder => folder, Reachable, StringComparer.Ordinal);
        var cycles = new List<string>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in Edges.Keys.Where(f => reach[f].Contains(f) && !placed.Contains(f)))
        {
            var component = Edges.Keys.Where(f => reach[folder].Contains(f) && reach[f].Contains(folder)).ToList();
            placed.UnionWith(component);
            var lines = new List<string> { $"cycle among {string.Join(", ", component)}:" };
            foreach (var from in component)
            {
                foreach (var (to, example) in Edges[from].Where(e => component.Contains(e.Key)))
                {
                    var mutual = Edges.GetValueOrDefault(to)?.ContainsKey(from) == true ? "↔" : "→";
                    lines.Add($"    {from} {mutual} {to}: {example}");
                }
            }

            cycles.Add(string.Join("\n", lines));
        }

        return cycles;
    }

    private HashSet<string> Reachable(string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            foreach (var next in Edges.GetValueOrDefault(queue.Dequeue())?.Keys ?? Enumerable.Empty<string>())
            {
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }

    private string? FolderOf(Type type)
    {
        while (type.IsNested)
        {
            type = type.DeclaringType!;
        }

        if (type.Assembly != _assembly)
        {
            return null;
        }

        if (_razorFolders.TryGetValue(type, out var razorFolder))
        {
            return razorFolder;
        }

        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(_root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        return ns[(_root.Length + 1)..].Split('.')[0];
    }

    private static string Describe(Type type) => type.IsNested ? $"{Describe(type.DeclaringType!)}+{type.Name}" : type.FullName ?? type.Name;

    private static HashSet<Type> UsedTypes(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter || !found.Add(t))
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }

            if (t.IsGenericType)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        void AddAttributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
                {
                    Add(argument.Value as Type);
                }
            }
        }

        Add(type.BaseType);
        foreach (var contract in type.GetInterfaces())
        {
            Add(contract);
        }

        AddAttributes(type.GetCustomAttributesData());
        foreach (var field in type.GetFields(Everything))
        {
            Add(field.FieldType);
            AddAttributes(field.GetCustomAttributesData());
        }

        foreach (var property in type.GetProperties(Everything))
        {
            Add(property.PropertyType);
            AddAttributes(property.GetCustomAttributesData());
        }

        foreach (var e in type.GetEvents(Everything))
        {
            Add(e.EventHandlerType);
        }

        var methods = type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything));
        foreach (var method in methods)
        {
            AddAttributes(method.GetCustomAttributesData());
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
                AddAttributes(parameter.GetCustomAttributesData());
            }

            var body = method.GetMethodBody();
            if (body is null)
            {
                continue;
            }

            foreach (var local in body.LocalVariables)
            {
                Add(local.LocalType);
            }

            foreach (var member in TokensIn(method, body.GetILAsByteArray() ?? []))
            {
                switch (member)
                {
                    case Type t:
                        Add(t);
                        break;
                    case MethodBase called:
                        Add(called.DeclaringType);
                        if (called is MethodInfo { IsGenericMethod: true } generic)
                        {
                            foreach (var argument in generic.GetGenericArguments())
                            {
                                Add(argument);
                            }
                        }

                        break;
                    case FieldInfo field:
                        Add(field.DeclaringType);
                        break;
                }
            }
        }

        foreach (var nested in type.GetNestedTypes(Everything))
        {
            foreach (var used in UsedTypes(nested))
            {
                found.Add(used);
            }
        }

        return found;
    }

    private static IEnumerable<MemberInfo> TokensIn(MethodBase method, byte[] il)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } owner ? owner.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var code = il[i] == 0xfe ? TwoByte[il[++i]] : OneByte[il[i]];
            i++;
            switch (code.OperandType)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    var token = BitConverter.ToInt32(il, i);
                    MemberInfo? member = null;
                    try
                    {
                        member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        // A token that cannot be resolved in this generic context names nothing of this assembly.
                    }

                    if (member is not null)
                    {
                        yield return member;
                    }

                    i += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}
