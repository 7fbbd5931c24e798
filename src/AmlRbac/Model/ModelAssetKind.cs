namespace AmlRbac.Model;

/// <summary>Where a model lives: in a registry (the model catalog's collections are registries [MLREG]) or in a workspace.</summary>
public enum ModelAssetKind
{
    Registry,
    Workspace,
}
