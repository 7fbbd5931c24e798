namespace AmlRbac.Authoring;

/// <summary>Which guardrail an authored model policy is (see <see cref="AmlRbac.Authoring.ModelPolicyAuthoring"/>).</summary>
public enum ModelPolicyKind
{
    /// <summary>Built-in 19539b54: deployments only from one registry, minus restricted models.</summary>
    RestrictToRegistry,
    /// <summary>Built-in 12e5dd16: registry models only from allowed publishers or with allowed asset ids.</summary>
    ApprovedRegistryModels,
    /// <summary>The Model Catalog curation blog's custom allow-list definition [SEED2] (mode v2.Data, notIn), with its warning, and its assignment.</summary>
    CustomAllowList,
}
