metadata description = 'Key Vault for the Facebook and Instagram connector\'s secrets (app secret, verify token, Page access token), read by the app\'s identity through Key Vault references. The secrets are set by the operator after deployment, never passed as parameters.'

@description('Name of the key vault.')
param name string

@description('Azure region of the vault.')
param location string

@description('Tags of the vault.')
param tags { *: string }

@description('Object (principal) id of the user-assigned identity that reads the secrets.')
param principalId string

@description('Resource id of the identity; part of the assignment name so a new identity gets a new assignment.')
param identityId string

// Key Vault Secrets User: read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
  }
}

@description('Name of the vault; put the secrets meta-app-secret, meta-verify-token and meta-page-access-token in it.')
output name string = vault.name
