using System.Reflection;
using System.Text.Json;
using Orleans.Serialization;
using Orleans.Serialization.Invocation;
using Prow.GrainInterfaces;
using Prow.GrainInterfaces.ProwJobs;
using Prow.GrainInterfaces.Tide;
using Prow.Grains.ProwJobs;
using Prow.Silo.Hosting;

namespace Prow.Silo.Tests;

/// <summary>
/// Every type a grain call carries can cross between silos with the production serializer. On one silo calls stay in
/// process and a missing codec goes unnoticed; between silos it is a CodecNotFoundException on the first call.
/// </summary>
public sealed class GrainCodecCoverageTests(ProductionSerializer production) : IClassFixture<ProductionSerializer>
{
    private static readonly MethodInfo s_roundTrip = typeof(GrainCodecCoverageTests).GetMethod(nameof(RoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!;

    [Fact]
    public void Reflection_FindsEveryGrainInterface_AndWhatTheirCallsCarry()
    {
        // Guards the reflection itself: were it to find nothing, every other test here would pass on nothing.
        Assert.Superset(
            new HashSet<Type>
            {
                typeof(IRepositoryGrain), typeof(IPullRequestGrain), typeof(IProwJobGrain), typeof(IBuildClusterGrain),
                typeof(IActiveJobsGrain), typeof(IPeriodicJobGrain), typeof(ISinkerGrain), typeof(IMergePoolGrain),
                typeof(IPoolHeadIndexGrain), typeof(ITidePoolsGrain), typeof(IBranchProtectorGrain),
            },
            GrainContracts.GrainInterfaces.ToHashSet());
        Assert.Superset(
            new HashSet<Type> { typeof(ProwJob), typeof(ProwJobSpec), typeof(ProwJobPull), typeof(BuildClusterView), typeof(WebhookDelivery), typeof(PoolSync), typeof(PoolBlocker) },
            GrainContracts.OwnTypes.ToHashSet());
        Assert.Contains(typeof(JsonElement), GrainContracts.AllTypes);
    }

    [Fact]
    public void EveryTypeACallCarries_HasACodecAndACopier()
    {
        var missing = GrainContracts.AllTypes
            .SelectMany(t => new[] { Missing("codec", t, production.Codecs.TryGetCodec), Missing("copier", t, production.Copiers.TryGetDeepCopier) })
            .OfType<string>()
            .ToList();

        Assert.True(missing.Count == 0, string.Join('\n', missing.Prepend("mark our types [GenerateSerializer]; register a codec for others:")));
    }

    [Fact]
    public void EveryArgumentAndResult_RoundTripsWithEveryFieldSet()
    {
        var samples = new ContractSamples();
        var failures = new List<string>();
        foreach (var type in GrainContracts.RootTypes.Concat(GrainContracts.OwnTypes).Distinct())
        {
            var sample = samples.Of(type);
            try
            {
                s_roundTrip.MakeGenericMethod(type).Invoke(null, [production.Serializer, production.Copier, sample]);
            }
            catch (TargetInvocationException ex)
            {
                var methods = GrainContracts.Methods.Where(m => m.Types.Contains(type)).Select(m => m.Method);
                failures.Add($"{GrainContracts.Name(type)} ({string.Join(", ", methods.DefaultIfEmpty("inside another type"))}): {ex.InnerException!.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void AProwJobFromTheFactory_KeepsItsPodSpecLabelsAndRefs()
    {
        using var folder = new TempFolder();
        var config = ContractConfig.Load(folder.Path);
        var request = new ProwJobRequest("unit", ProwJobType.Presubmit, "unit", "org", "repo", "main", "base0000", 7, "head1111", "alice", "alice", "opened", DateTimeOffset.UnixEpoch);
        var job = ProwJobFactory.Presubmit(config, config.Jobs.PresubmitsFor("org/repo")[0], request, "job-1", DateTimeOffset.UtcNow);
        Assert.NotNull(job.Spec.PodSpec);

        var copy = RoundTrip(production.Serializer, production.Copier, job);

        Assert.Equal("amd64", copy.Spec.PodSpec!.Value.GetProperty("nodeSelector").GetProperty("kubernetes.io/arch").GetString());
        Assert.Equal("serialization", copy.Metadata.Labels["team"]);
        Assert.Equal(7, Assert.Single(copy.Spec.Refs!.Pulls).Number);
    }

    [Fact]
    public void ListsMadeEveryWayTheGrainsMakeThem_RoundTrip()
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal) { ["a"] = 1, ["b"] = 2 };
        IReadOnlyList<IReadOnlyList<string>> lists =
        [
            [],
            ["one"],
            ["one", "two"],
            [.. keys.Keys],
            [.. keys.Keys.Where(k => k != "a")],
            new List<string> { "list" },
            new[] { "array" },
        ];

        foreach (var list in lists)
        {
            RoundTrip(production.Serializer, production.Copier, new PeriodicJobView("nightly", list, null));
            RoundTrip(production.Serializer, production.Copier, list);
        }
    }

    [Fact]
    public void ProwsOwnExceptions_ReachACallerOnAnotherSilo_AsThemselves()
    {
        var exceptions = ProwAssemblies(typeof(ProwHost).Assembly)
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract)
            // A private nested exception is control flow inside its class (the template engine's break/continue) and never leaves it.
            .Where(t => !t.IsNestedPrivate)
            .ToList();
        Assert.Contains(typeof(Prow.Clients.GitHub.GitHubApiException), exceptions);

        foreach (var type in exceptions)
        {
            // Every constructor argument a string: a message, or what the message is made of.
            var constructor = type.GetConstructors().FirstOrDefault(c => c.GetParameters().Length > 0 && c.GetParameters().All(p => p.ParameterType == typeof(string)))
                ?? throw new InvalidOperationException($"{type} has no constructor taking only strings");
            var thrown = (Exception)constructor.Invoke([.. constructor.GetParameters().Select(p => $"the {p.Name}")]);
            using var response = Response.FromException(thrown);

            var caught = production.Serializer.Deserialize<Response>(production.Serializer.SerializeToArray(response))!.Exception;

            Assert.IsType(type, caught);
            Assert.Equal(thrown.Message, caught.Message);
        }
    }

    /// <summary>The Prow assemblies a silo runs: <paramref name="root"/> and what it references, transitively.</summary>
    private static IEnumerable<Assembly> ProwAssemblies(Assembly root)
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal) { [root.GetName().Name!] = root };
        var pending = new Queue<Assembly>([root]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var name in assembly.GetReferencedAssemblies().Where(n => n.Name!.StartsWith("Prow.", StringComparison.Ordinal)))
            {
                if (!seen.ContainsKey(name.Name!))
                {
                    seen[name.Name!] = Assembly.Load(name);
                    pending.Enqueue(seen[name.Name!]);
                }
            }
        }

        return seen.Values;
    }

    /// <summary>What is missing for <paramref name="type"/>, or null; a type made of a type without a codec throws rather than answer null.</summary>
    private static string? Missing(string what, Type type, Func<Type, object?> lookup)
    {
        try
        {
            return lookup(type) is null ? $"no {what} for {GrainContracts.Name(type)}" : null;
        }
        catch (CodecNotFoundException ex)
        {
            return $"no {what} for {GrainContracts.Name(type)}: {ex.Message}";
        }
    }

    /// <summary>
    /// As a call carries a value, in a field of its declared type (here a call's result): through the wire format, as
    /// between silos, and through the copier, as within one. Both must give the value back, equal as JSON.
    /// </summary>
    private static T RoundTrip<T>(Serializer serializer, DeepCopier copier, T value)
    {
        var expected = JsonSerializer.Serialize(value);
        using var response = Response.FromResult(value);
        var sent = serializer.Deserialize<Response>(serializer.SerializeToArray(response))!.GetResult<T>();
        var copied = copier.Copy(response).GetResult<T>();
        Assert.Equal(expected, JsonSerializer.Serialize(sent));
        Assert.Equal(expected, JsonSerializer.Serialize(copied));
        return sent!;
    }
}
