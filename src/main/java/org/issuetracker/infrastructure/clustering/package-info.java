/**
 * Clustering's one home: which instances replicate the HTTP sessions together (Payara's Hazelcast data grid, read
 * where it exists), their sessions' copies on this instance, and the cluster metrics that alerting reads.
 */
package org.issuetracker.infrastructure.clustering;
