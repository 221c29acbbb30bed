namespace Prow.Config.Tests;

public sealed class PresetTests
{
    private const string Config = """
        presets:
        - labels: {preset-creds: "true"}
          env: [{name: CREDS, value: /etc/creds}]
          volumes: [{name: creds, secret: {secretName: creds}}]
          volumeMounts: [{name: creds, mountPath: /etc/creds, readOnly: true}]
        - env: [{name: GLOBAL, value: "1"}]
        """;

    [Fact]
    public void Presets_MatchingLabels_AreMergedIntoEveryContainer()
    {
        using var dir = new TempDir();
        var jobs = """
            presets:
            - labels: {preset-extra: "true"}
              env: [{name: EXTRA, valueFrom: {secretKeyRef: {name: s, key: k}}}]
            periodics:
            - name: ci-a
              interval: 1h
              labels: {preset-creds: "true", preset-extra: "true"}
              spec:
                containers:
                - {name: a, image: alpine, env: [{name: OWN, value: x}]}
                - {name: b, image: alpine}
            - name: ci-b
              interval: 1h
              labels: {preset-creds: "false"}
              spec: {containers: [{image: alpine}]}
            """;
        var s = Load.Ok(dir, Config, jobs);

        var a = s.Jobs.PeriodicNamed("ci-a")!.Spec!;
        Assert.All(a.Containers, c => Assert.Contains(c.Env, e => e.Name == "CREDS" && e.Value == "/etc/creds"));
        Assert.All(a.Containers, c => Assert.Contains(c.VolumeMounts, m => m.Name == "creds" && m.ReadOnly));
        Assert.Equal(["OWN", "CREDS", "GLOBAL", "EXTRA"], a.Containers[0].Env.Select(e => e.Name));
        Assert.NotNull(a.Containers[0].Env[^1].ValueFrom);
        Assert.Equal("creds", Assert.Single(a.Volumes).Name);

        var b = s.Jobs.PeriodicNamed("ci-b")!.Spec!;
        Assert.Equal(["GLOBAL"], b.Containers[0].Env.Select(e => e.Name));
        Assert.Empty(b.Volumes);
    }

    [Fact]
    public void Presets_EnvAlreadyInJob_IsValidationError()
    {
        using var dir = new TempDir();
        var jobs = """
            periodics:
            - name: ci-a
              interval: 1h
              labels: {preset-creds: "true"}
              spec:
                containers:
                - image: alpine
                  env: [{name: CREDS, value: mine}]
            """;
        var result = Load.Config(dir, Config, jobs);

        var error = Load.SingleError(result, "test-jobs.yaml", 4, "periodics.ci-a.labels");
        Assert.StartsWith("env var duplicated in pod spec: CREDS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Presets_VolumeAlreadyInJob_IsValidationError()
    {
        using var dir = new TempDir();
        var jobs = """
            periodics:
            - name: ci-a
              interval: 1h
              labels: {preset-creds: "true"}
              spec:
                containers: [{image: alpine}]
                volumes: [{name: creds, emptyDir: {}}]
            """;
        var result = Load.Config(dir, Config, jobs);

        var error = Load.SingleError(result, "test-jobs.yaml", 4, "periodics.ci-a.labels");
        Assert.StartsWith("volume duplicated in pod spec: creds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Presets_Tolerations_AppendedAndDuplicatesRejected()
    {
        using var dir = new TempDir();
        var config = "presets:\n- labels: {gpu: \"true\"}\n  tolerations: [{key: gpu, operator: Exists, effect: NoSchedule}]\n";
        var ok = "periodics:\n- name: ci-a\n  interval: 1h\n  labels: {gpu: \"true\"}\n  spec: {containers: [{image: x}]}\n";
        var dup = "periodics:\n- name: ci-a\n  interval: 1h\n  labels: {gpu: \"true\"}\n  spec:\n    containers: [{image: x}]\n    tolerations: [{key: gpu, operator: Exists, effect: NoSchedule}]\n";

        var spec = Load.Ok(dir, config, ok).Jobs.Periodics[0].Spec!;
        Assert.Single(spec.Tolerations);

        var error = Load.SingleError(Load.Config(dir, config, dup), "test-jobs.yaml", 4, "periodics.ci-a.labels");
        Assert.StartsWith("toleration duplicated in pod spec", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PodSpec_UnknownKubernetesFields_AreKeptRaw()
    {
        using var dir = new TempDir();
        var jobs = """
            periodics:
            - name: ci-a
              interval: 1h
              spec:
                nodeSelector: {disk: ssd}
                affinity: {nodeAffinity: {}}
                containers:
                - image: alpine
                  imagePullPolicy: Always
                  resources: {requests: {cpu: "2"}}
                  securityContext: {privileged: true}
            """;
        var result = Load.Config(dir, Config, jobs);

        Assert.Empty(result.Warnings);
        var spec = result.Snapshot!.Jobs.Periodics[0].Spec!;
        Assert.Equal("ssd", spec.NodeSelector["disk"]);
        Assert.True(spec.Extra.ContainsKey("affinity"));
        Assert.Equal("Always", spec.Containers[0].Extra["imagePullPolicy"]);
        Assert.NotNull(spec.Containers[0].Resources);
        Assert.NotNull(spec.Containers[0].SecurityContext);
    }
}
