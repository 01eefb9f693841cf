// Second deployment (scripts/deploy.sh, step 4 of 4): the Event Grid subscriptions that deliver
// Microsoft.Storage.BlobCreated events to the blob-triggered functions (Source = EventGrid). Each one targets the
// Functions host's blob extension webhook,
//   https://<app host>/runtime/webhooks/blobs?functionName=Host.Functions.<function>&code=<blobs_extension key>
// Event Grid validates a webhook when the subscription is created (it posts a SubscriptionValidation event and waits
// for the echo), and both the webhook and its blobs_extension system key exist only once the host has started with
// the app's code and the blob extension loaded. Hence the order: infra/main.bicep, then the code package, then this
// file (docs/deploy.md, Deployment order).
//
// One subscription per entry of names.json's blobEventSubscriptions: the subject prefix
// /blobServices/default/containers/<container>/ is the container filter, an empty suffix means no suffix filter, and
// <function> is the blob-triggered function of that container. FuncLabel.Infra.Tests check the entries against the
// code (FuncLabel.Data.StorageNames) and against the app's function metadata.
targetScope = 'resourceGroup'

@description('The function app (output functionAppName of infra/main.bicep).')
param functionAppName string

@description('The storage account\'s Event Grid system topic (output blobEventsTopicName of infra/main.bicep).')
param blobEventsTopicName string

var names = loadJsonContent('names.json')

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

// The host's keys (Microsoft.Web/sites/host/listkeys; Bicep has no resource type for sites/host). The deployment fails
// when blobs_extension is missing, i.e. when the host has not yet started with the blob extension loaded
// (scripts/deploy.sh waits for the key before deploying this file).
var blobsExtensionKey = listKeys('${app.id}/host/default', app.apiVersion).systemKeys.blobs_extension

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: blobEventsTopicName
}

resource blobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = [
  for subscription in names.blobEventSubscriptions: {
    parent: topic
    name: subscription.name
    properties: {
      eventDeliverySchema: 'EventGridSchema'
      filter: {
        includedEventTypes: ['Microsoft.Storage.BlobCreated']
        subjectBeginsWith: subscription.subjectBeginsWith
        subjectEndsWith: subscription.subjectEndsWith
        isSubjectCaseSensitive: false
      }
      destination: {
        endpointType: 'WebHook'
        properties: {
          endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${subscription.function}&code=${uriComponent(blobsExtensionKey)}'
        }
      }
      // Event Grid's longest retry window: an event the webhook cannot take within 24 h is dropped (no dead-letter
      // destination is configured; docs/deploy.md, What is not verified).
      retryPolicy: {
        maxDeliveryAttempts: 30
        eventTimeToLiveInMinutes: 1440
      }
    }
  }
]
