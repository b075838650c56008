/** Security adapters: JWT signing and verification, password hashing. */
package dev.triage.adapters.out.security;
