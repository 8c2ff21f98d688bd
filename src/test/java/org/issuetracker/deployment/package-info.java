/** Tests of the deployment files under docker/: each compose shape as docker-compose resolves it. */
package org.issuetracker.deployment;
