/** The readers that turn each form of a contract into a normalized tree, and the comparison of two trees. */
package dev.cicallback.compat.internal;
