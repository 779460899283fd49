metadata description = 'Azure AI Language (TextAnalytics) for sentiment; Entra ID only, so it needs a custom subdomain and no keys exist in use.'

@description('Name of the Language account; also its custom subdomain.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags { *: string }

@description('F0 (free, one per subscription, 5,000 text records a month) or S (pay per 1,000 text records).')
@allowed([
  'F0'
  'S'
])
param sku string

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: sku
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

@description('Name of the Language account.')
output name string = language.name

@description('Endpoint of the Language account (https://<subdomain>.cognitiveservices.azure.com/).')
output endpoint string = language.properties.endpoint
